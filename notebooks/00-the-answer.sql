-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 00 · The answer: how much worse is the bot, and where does it come from?
-- MAGIC
-- MAGIC Bot-first contacts (the bot answered first, whether or not it handed over) against
-- MAGIC human-first contacts after the rollout, on comparable contacts: same topic, language and
-- MAGIC complexity. Every gap has a 95% interval from a bootstrap clustered by customer; its p-value
-- MAGIC comes from the same replicates, so `significant` and `p_value < 0.05` always agree.
-- MAGIC Methods and every column: `docs/comparison.md`, `docs/tables.md`.
-- MAGIC
-- MAGIC **The tables, by name.** `bin/csat query --file notebooks/00-the-answer.sql` registers every
-- MAGIC table of the warehouse under its name and runs the cells in order. On Databricks or any Spark
-- MAGIC session with Delta Lake, `USE` the schema that holds the tables, or register each one from
-- MAGIC the warehouse folder first, e.g.
-- MAGIC `CREATE TEMPORARY VIEW gold_quality_drop USING delta OPTIONS (path '<warehouse>/gold_quality_drop')`.
-- MAGIC The next cell names the tables this notebook reads and fails at once if one is missing.

-- COMMAND ----------

-- The tables this notebook reads, and their rows.
SELECT 'gold_quality_drop' AS table_name, count(*) AS rows FROM gold_quality_drop
UNION ALL SELECT 'gold_cohort_comparison', count(*) FROM gold_cohort_comparison
UNION ALL SELECT 'gold_topic_quality', count(*) FROM gold_topic_quality
UNION ALL SELECT 'gold_quality_drop_by_language', count(*) FROM gold_quality_drop_by_language

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The answer
-- MAGIC One row per measure. `human_baseline` is what human-first handling achieves on contacts like
-- MAGIC the bot's; `adjusted_difference` = `bot_first` − `human_baseline` (rates are shares: 0.071 =
-- MAGIC 7.1 points). A bot-only rate (`stated_as = 'bot_only_rate'`, asked for a human) is zero for
-- MAGIC humans by construction: it is stated as the bot's own rate with its interval, not as a gap.

-- COMMAND ----------

SELECT metric, stated_as, human_baseline, bot_first, adjusted_difference, ci_low, ci_high, p_value,
       significant, worse_for_customers, n_bot_first, n_human, verdict
FROM gold_quality_drop

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Why raw figures flatter the bot
-- MAGIC The bot takes the easier contacts. The raw gap compares all bot-first with all human-first
-- MAGIC contacts; the adjusted gap compares like with like. Their difference is the case mix's
-- MAGIC flattery; the other adjusted method (`cross_check_*`) should tell the same story.

-- COMMAND ----------

SELECT metric, raw_difference, adjusted_difference,
       round(raw_difference - adjusted_difference, 6) AS flattery_of_the_case_mix,
       method, cross_check_method, cross_check_difference, cross_check_ci_low, cross_check_ci_high
FROM gold_quality_drop
WHERE stated_as = 'gap' AND adjusted_difference IS NOT NULL

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Where it comes from: topics
-- MAGIC Per topic after the rollout, bot-first minus human-first on the same topic (Newcombe
-- MAGIC interval for rates, Welch for means), for the resolution rate, worst first. Only topics with
-- MAGIC at least `cohort.topic_min_n` (30) conversations a side are judged: there
-- MAGIC `worse_than_human` is true or false; below it is null (too few to judge), and the next
-- MAGIC cell counts those topics instead of leaving them out silently.

-- COMMAND ----------

SELECT topic, complexity_band, n AS bot_first_n, human_n, mean AS bot_first_resolved,
       human_mean AS human_resolved, difference_vs_human, difference_ci_low, difference_ci_high,
       worse_than_human, bot_first_share
FROM gold_topic_quality
WHERE cohort = 'bot_first' AND metric = 'resolved' AND topic <> 'ALL' AND worse_than_human IS NOT NULL
ORDER BY difference_vs_human, topic

-- COMMAND ----------

-- Topics judged and topics with too few conversations a side, per measure.
SELECT metric,
       count_if(worse_than_human IS NOT NULL) AS topics_judged,
       count_if(worse_than_human) AS topics_worse,
       count_if(worse_than_human IS NULL) AS topics_with_too_few,
       sort_array(collect_list(CASE WHEN worse_than_human THEN topic END)) AS worse_on
FROM gold_topic_quality
WHERE cohort = 'bot_first' AND topic <> 'ALL' AND metric <> 'asked_for_human'
GROUP BY metric
ORDER BY metric

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Where it comes from: how hard the contact is
-- MAGIC Topics fall into complexity bands by how often human agents leave them unresolved before the
-- MAGIC rollout. The gap per band, averaged over the band's topics weighted by their bot-first
-- MAGIC conversations (all topics, judged or not), shows whether the bot loses most on hard contacts.

-- COMMAND ----------

SELECT complexity_band, metric, count(*) AS topics, sum(n) AS bot_first_n, sum(human_n) AS human_n,
       round(sum(n * difference_vs_human) / sum(n), 4) AS weighted_gap
FROM gold_topic_quality
WHERE cohort = 'bot_first' AND topic <> 'ALL' AND difference_vs_human IS NOT NULL
  AND metric IN ('resolved', 'customer_sentiment_end', 'predicted_csat')
GROUP BY complexity_band, metric
ORDER BY metric, complexity_band

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Where it comes from: what happens after the bot
-- MAGIC Bot-first splits into chats the bot kept (`bot`) and chats it handed to a human
-- MAGIC (`bot_to_human`). These two contrasts are descriptive only: the bot hands over the chats it
-- MAGIC is failing, so "bot only" looks better and "bot to human" worse than the bot really is.

-- COMMAND ----------

SELECT metric, comparison, method, estimate, ci_low, ci_high, treated_mean, control_mean,
       n_treated, n_control, note
FROM gold_cohort_comparison
WHERE method = 'raw' AND comparison IN ('bot_first_vs_human', 'bot_vs_human', 'bot_to_human_vs_human')
ORDER BY metric, comparison

-- COMMAND ----------

-- Where customers ask for a human most: the bot-first rate per topic with its Wilson interval,
-- ranked by the interval's lower end, so a topic with two chats and one ask does not top the list.
SELECT topic, n AS bot_first_n, mean AS asked_for_human, ci_low, ci_high
FROM gold_topic_quality
WHERE cohort = 'bot_first' AND metric = 'asked_for_human' AND topic <> 'ALL'
ORDER BY ci_low DESC, topic
LIMIT 20

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Where it comes from: language
-- MAGIC The same answer per language, estimated on the language's conversations alone for the
-- MAGIC languages of `cohort.languages` with `cohort.language_min_n` bot-first and human-first
-- MAGIC conversations after the rollout; for the others `verdict` says why they are not stated.
-- MAGIC Every estimate per language: `gold_cohort_comparison_by_language`.

-- COMMAND ----------

SELECT language, stated, language_conversations, n_bot_first, n_human, human_baseline, bot_first,
       adjusted_difference, ci_low, ci_high, significant, verdict
FROM gold_quality_drop_by_language
WHERE metric = 'resolved'
ORDER BY stated DESC, language_conversations DESC, language
