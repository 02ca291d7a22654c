-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 03 · Data quality and runs
-- MAGIC
-- MAGIC What was rejected and why, how each night went, which languages arrive and which got a
-- MAGIC sentiment score. In every run, records read = accepted + quarantined.
-- MAGIC
-- MAGIC **The tables, by name.** `bin/csat query --file` registers every table under its name; on
-- MAGIC Databricks, `USE` the schema holding them or register each from the warehouse folder
-- MAGIC (`CREATE TEMPORARY VIEW <table> USING delta OPTIONS (path '<warehouse>/<table>')`).

-- COMMAND ----------

-- The tables this notebook reads, and their rows.
SELECT 'pipeline_runs' AS table_name, count(*) AS rows FROM pipeline_runs
UNION ALL SELECT 'quarantine', count(*) FROM quarantine
UNION ALL SELECT 'silver_conversations', count(*) FROM silver_conversations
UNION ALL SELECT 'silver_messages', count(*) FROM silver_messages

-- COMMAND ----------

-- The latest runs: status, counts, and the reason of any failure.
SELECT run_id, status, started_at, ended_at, input_files, records_read, records_accepted,
       records_quarantined, records_read = records_accepted + records_quarantined AS reconciles, error
FROM pipeline_runs
ORDER BY started_at DESC
LIMIT 10

-- COMMAND ----------

-- Quarantined records by reason (docs/reliability.md explains each code).
SELECT reason_code, count(*) AS records, min(reason) AS example_reason
FROM quarantine
GROUP BY reason_code
ORDER BY records DESC

-- COMMAND ----------

-- Languages: where they came from and whether CoreNLP's English model scored them.
SELECT c.language, c.language_source, count(DISTINCT c.conversation_id) AS conversations,
       round(avg(CASE WHEN m.sentiment IS NOT NULL THEN 1.0 ELSE 0.0 END), 3) AS messages_scored
FROM silver_conversations c
JOIN silver_messages m ON m.conversation_id = c.conversation_id AND m.role <> 'system'
GROUP BY 1, 2
ORDER BY conversations DESC

-- COMMAND ----------

-- Source language against detected language, per run: how many conversations could be checked
-- and how many disagree (a mislabelled export, or customers writing another language).
SELECT run_id, started_at, languages_checked, language_mismatches,
       round(language_mismatches / nullif(languages_checked, 0), 3) AS mismatch_share
FROM pipeline_runs
WHERE status <> 'failed' AND languages_checked IS NOT NULL
ORDER BY started_at DESC
LIMIT 10

-- COMMAND ----------

-- Which languages disagree with the source, and as what they read.
SELECT language AS source_language, detected_language, count(*) AS conversations
FROM silver_conversations
WHERE language_source = 'source' AND detected_language IS NOT NULL
  AND regexp_extract(language, '^([a-z]+)', 1) <> detected_language
GROUP BY 1, 2
ORDER BY conversations DESC
