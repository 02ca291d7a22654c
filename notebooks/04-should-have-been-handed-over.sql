-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 04 · Should have been handed over
-- MAGIC
-- MAGIC Conversations the bot kept to the end (`handled_by = 'bot'`, never handed to an agent) that
-- MAGIC ended unresolved or in which the customer asked for a human: by topic, then what the customer
-- MAGIC wrote. The text is silver's, redacted at the bronze-to-silver boundary (e-mail addresses,
-- MAGIC phone numbers, cards, IBANs, ids, handles and personal URLs become `<EMAIL>`, `<PHONE>`, ...).
-- MAGIC
-- MAGIC **The tables, by name.** `bin/csat query --file` registers every table under its name; on
-- MAGIC Databricks, `USE` the schema holding them or register each from the warehouse folder
-- MAGIC (`CREATE TEMPORARY VIEW <table> USING delta OPTIONS (path '<warehouse>/<table>')`).

-- COMMAND ----------

-- The tables this notebook reads, and their rows.
SELECT 'silver_conversations' AS table_name, count(*) AS rows FROM silver_conversations
UNION ALL SELECT 'silver_messages', count(*) FROM silver_messages

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## By topic
-- MAGIC Of the conversations the bot kept, how many ended unresolved, how many asked for a human,
-- MAGIC and the share of the topic's bot-kept conversations that is: topics at the top are where
-- MAGIC the bot should hand over sooner, or not answer first.

-- COMMAND ----------

SELECT coalesce(topic, '(none)') AS topic,
       count(*) AS kept_by_the_bot,
       count_if(NOT resolved OR asked_for_human) AS should_have_been_handed_over,
       count_if(NOT resolved) AS unresolved,
       count_if(asked_for_human) AS asked_for_human,
       round(count_if(NOT resolved OR asked_for_human) / count(*), 3) AS share
FROM silver_conversations
WHERE handled_by = 'bot'
GROUP BY 1
ORDER BY should_have_been_handed_over DESC, topic

-- COMMAND ----------

-- How they ended: the resolution status of the conversations the bot should have handed over.
SELECT resolution_status, asked_for_human, count(*) AS conversations
FROM silver_conversations
WHERE handled_by = 'bot' AND (NOT resolved OR asked_for_human)
GROUP BY 1, 2
ORDER BY conversations DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## What the customer wrote
-- MAGIC The latest 50 such conversations, each with the customer's messages in order (redacted),
-- MAGIC separated by ` | `.

-- COMMAND ----------

SELECT c.date, coalesce(c.topic, '(none)') AS topic, c.conversation_id, c.resolution_status, c.asked_for_human,
       round(c.customer_sentiment_end, 2) AS sentiment_end,
       array_join(transform(array_sort(collect_list(struct(m.seq, m.text))), x -> x.text), ' | ')
           AS customer_wrote
FROM silver_conversations c
JOIN silver_messages m ON m.conversation_id = c.conversation_id AND m.role = 'customer'
WHERE c.handled_by = 'bot' AND (NOT c.resolved OR c.asked_for_human)
GROUP BY c.date, c.topic, c.conversation_id, c.resolution_status, c.asked_for_human, c.customer_sentiment_end
ORDER BY c.date DESC, c.conversation_id
LIMIT 50
