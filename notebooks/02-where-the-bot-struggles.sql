-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 02 · Where the bot struggles
-- MAGIC
-- MAGIC Which topics the bot handles worse than human agents, on like-for-like figures: per topic,
-- MAGIC bot-first against human-first on the same topic after the rollout (`gold_topic_quality`),
-- MAGIC never raw rates across topics, which mix easy and hard contacts. Topics with fewer than
-- MAGIC `cohort.topic_min_n` (30) conversations a side are counted, not ranked.
-- MAGIC
-- MAGIC **The tables, by name.** `bin/csat query --file` registers every table under its name; on
-- MAGIC Databricks, `USE` the schema holding them or register each from the warehouse folder
-- MAGIC (`CREATE TEMPORARY VIEW <table> USING delta OPTIONS (path '<warehouse>/<table>')`).

-- COMMAND ----------

-- The tables this notebook reads, and their rows.
SELECT 'gold_topic_quality' AS table_name, count(*) AS rows FROM gold_topic_quality
UNION ALL SELECT 'silver_conversations', count(*) FROM silver_conversations
UNION ALL SELECT 'silver_messages', count(*) FROM silver_messages

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Topics ranked by the gap, per measure
-- MAGIC Worst for customers first: the most negative gap where higher is better (resolved,
-- MAGIC sentiment, CSAT), the most positive where lower is better (repeat contact, handle time).

-- COMMAND ----------

SELECT metric, topic, complexity_band, n AS bot_first_n, human_n, mean AS bot_first, human_mean AS human,
       difference_vs_human AS gap, difference_ci_low AS gap_ci_low, difference_ci_high AS gap_ci_high,
       worse_than_human
FROM gold_topic_quality
WHERE cohort = 'bot_first' AND topic <> 'ALL' AND worse_than_human IS NOT NULL
ORDER BY metric,
         CASE WHEN metric IN ('repeat_contact', 'handle_time_s') THEN -difference_vs_human
              ELSE difference_vs_human END,
         topic

-- COMMAND ----------

-- Topics with too few conversations a side to judge, per measure (not ranked above).
SELECT metric, count(*) AS topics, sort_array(collect_list(concat(topic, ' (', n, '/', human_n, ')'))) AS topic_bot_first_human
FROM gold_topic_quality
WHERE cohort = 'bot_first' AND topic <> 'ALL' AND worse_than_human IS NULL AND metric <> 'asked_for_human'
GROUP BY metric
ORDER BY metric

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## How often the bot hands over, and how often customers ask for a human
-- MAGIC Bot-first conversations after the rollout, per topic: the share handed to an agent
-- MAGIC (`bot_to_human`) and the share where the customer asked for a human (a bot-only rate).

-- COMMAND ----------

SELECT coalesce(c.topic, '(none)') AS topic, count(*) AS bot_first,
       round(avg(CASE WHEN c.handled_by = 'bot_to_human' THEN 1.0 ELSE 0.0 END), 3) AS handed_over,
       round(avg(CASE WHEN c.asked_for_human THEN 1.0 ELSE 0.0 END), 3) AS asked_for_human
FROM silver_conversations c
WHERE c.handled_by IN ('bot', 'bot_to_human')
  AND c.date >= coalesce((SELECT max(rollout_date) FROM gold_topic_quality), DATE'1970-01-01')
GROUP BY 1
ORDER BY handed_over DESC, topic

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## What customers wrote when the bot handed over
-- MAGIC In bot-first conversations that went to an agent, the customer's last message before the
-- MAGIC agent's first one, most frequent wordings first (text redacted at the silver boundary).
-- MAGIC silver_messages flags no single message as "asked for a human", so this shows the moment of
-- MAGIC the hand-over rather than guessing which message matched the phrase list.

-- COMMAND ----------

WITH first_agent AS (
  SELECT conversation_id, min(CASE WHEN role = 'agent' THEN seq END) AS seq
  FROM silver_messages
  GROUP BY conversation_id),
before_the_agent AS (
  SELECT m.text, row_number() OVER (PARTITION BY m.conversation_id ORDER BY m.seq DESC) AS from_last
  FROM silver_messages m
  JOIN first_agent f ON f.conversation_id = m.conversation_id
  JOIN silver_conversations c ON c.conversation_id = m.conversation_id
  WHERE c.handled_by = 'bot_to_human' AND m.role = 'customer' AND m.seq < f.seq)
SELECT lower(text) AS last_customer_message_before_the_agent, count(*) AS conversations
FROM before_the_agent
WHERE from_last = 1
GROUP BY 1
ORDER BY conversations DESC, 1
LIMIT 20
