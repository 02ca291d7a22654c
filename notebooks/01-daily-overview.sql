-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 01 · Daily overview
-- MAGIC
-- MAGIC How many conversations each cohort handles, the bot's weekly share, and survey coverage.
-- MAGIC These are raw figures: the bot takes easier contacts, so compare the cohorts with
-- MAGIC `00-the-answer` (like for like), not with these.
-- MAGIC
-- MAGIC **The tables, by name.** `bin/csat query --file` registers every table under its name; on
-- MAGIC Databricks, `USE` the schema holding them or register each from the warehouse folder
-- MAGIC (`CREATE TEMPORARY VIEW <table> USING delta OPTIONS (path '<warehouse>/<table>')`).

-- COMMAND ----------

-- The tables this notebook reads, and their rows.
SELECT 'silver_conversations' AS table_name, count(*) AS rows FROM silver_conversations
UNION ALL SELECT 'gold_cohort_daily', count(*) FROM gold_cohort_daily

-- COMMAND ----------

-- Conversations per cohort over the whole period.
SELECT handled_by, count(*) AS conversations,
       round(100 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM silver_conversations
GROUP BY handled_by
ORDER BY conversations DESC

-- COMMAND ----------

-- Weekly bot share: the share of conversations the bot answered first (bot or bot_to_human).
-- The week it jumps is the rollout.
SELECT date_trunc('week', date) AS week,
       count(*) AS conversations,
       round(avg(CASE WHEN handled_by IN ('bot', 'bot_to_human') THEN 1.0 ELSE 0.0 END), 3) AS bot_first_share,
       round(avg(CASE WHEN handled_by = 'bot_to_human' THEN 1.0 ELSE 0.0 END), 3) AS escalated_share
FROM silver_conversations
GROUP BY 1
ORDER BY 1

-- COMMAND ----------

-- Raw daily figures per cohort from the gold table, the latest 30 rows.
SELECT date, handled_by, conversations,
       round(customer_sentiment_end_mean, 3) AS sentiment_end,
       round(asked_for_human_rate, 3) AS asked_for_human,
       round(csat_mean, 2) AS csat, csat_count
FROM gold_cohort_daily
ORDER BY date DESC, handled_by
LIMIT 30

-- COMMAND ----------

-- Survey coverage: surveys are a minority, so every CSAT figure rests on few conversations.
SELECT handled_by, count(*) AS conversations, count(csat) AS surveyed,
       round(count(csat) / count(*), 3) AS survey_rate, round(avg(csat), 2) AS csat_mean
FROM silver_conversations
GROUP BY handled_by
ORDER BY handled_by
