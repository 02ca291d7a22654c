-- Where the bot struggles: per topic, how often customers ask for a human, how often the bot
-- hands over, and how customers feel at the end. Topics with many escalations and low end
-- sentiment are where the bot should hand over sooner (or not answer at all).
-- Run: bin/csat query --file notebooks/02-where-the-bot-struggles.sql

-- Per topic and cohort, topics with at least 10 conversations.
SELECT coalesce(topic, '(none)') AS topic, handled_by, count(*) AS conversations,
       round(avg(CASE WHEN asked_for_human THEN 1.0 ELSE 0.0 END), 3) AS asked_for_human,
       round(avg(customer_sentiment_end), 3) AS sentiment_end,
       round(avg(customer_sentiment_shift), 3) AS sentiment_shift,
       round(avg(customer_turns), 1) AS customer_turns
FROM silver_conversations
GROUP BY 1, 2
HAVING count(*) >= 10
ORDER BY topic, handled_by;

-- Escalation rate of the conversations the bot answered first, by topic.
SELECT coalesce(topic, '(none)') AS topic,
       count(*) AS bot_first,
       round(avg(CASE WHEN handled_by = 'bot_to_human' THEN 1.0 ELSE 0.0 END), 3) AS escalation_rate,
       round(avg(CASE WHEN asked_for_human THEN 1.0 ELSE 0.0 END), 3) AS asked_for_human
FROM silver_conversations
WHERE handled_by IN ('bot', 'bot_to_human')
GROUP BY 1
ORDER BY escalation_rate DESC;

-- The customer messages that asked for a human, most frequent wordings first.
SELECT lower(m.text) AS customer_message, count(*) AS times
FROM silver_messages m
JOIN silver_conversations c ON c.conversation_id = m.conversation_id
WHERE c.asked_for_human AND m.role = 'customer' AND m.seq > 0
GROUP BY 1
ORDER BY times DESC
LIMIT 20;
