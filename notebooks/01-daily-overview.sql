-- Daily overview: how many conversations each cohort handled, day by day.
-- Run: bin/csat query --file notebooks/01-daily-overview.sql
-- Cells end with ';'. Paste them one by one into any Spark SQL notebook with the tables
-- registered by name (or replace a table name with delta.`<warehouse>/<table>`).

-- Conversations per cohort over the whole period.
SELECT handled_by, count(*) AS conversations,
       round(100 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM silver_conversations
GROUP BY handled_by
ORDER BY conversations DESC;

-- Weekly bot share: the share of conversations the bot answered first (bot or bot_to_human).
-- The week it jumps is the rollout.
SELECT date_trunc('week', date) AS week,
       count(*) AS conversations,
       round(avg(CASE WHEN handled_by IN ('bot', 'bot_to_human') THEN 1.0 ELSE 0.0 END), 3) AS bot_first_share,
       round(avg(CASE WHEN handled_by = 'bot_to_human' THEN 1.0 ELSE 0.0 END), 3) AS escalated_share
FROM silver_conversations
GROUP BY 1
ORDER BY 1;

-- Raw daily figures per cohort from the gold table (unadjusted: the bot takes easier
-- contacts, so compare cohorts with the comparison tables, not with these).
SELECT date, handled_by, conversations,
       round(customer_sentiment_end_mean, 3) AS sentiment_end,
       round(asked_for_human_rate, 3) AS asked_for_human,
       round(csat_mean, 2) AS csat, csat_count
FROM gold_cohort_daily
ORDER BY date DESC, handled_by
LIMIT 30;

-- Survey coverage: surveys are a minority, so every CSAT figure rests on few conversations.
SELECT handled_by, count(*) AS conversations, count(csat) AS surveyed,
       round(count(csat) / count(*), 3) AS survey_rate, round(avg(csat), 2) AS csat_mean
FROM silver_conversations
GROUP BY handled_by
ORDER BY handled_by;
