package org.csat.report;

import static org.csat.report.Html.NONE;
import static org.csat.report.Html.count;
import static org.csat.report.Html.escape;
import static org.csat.report.Html.gap;
import static org.csat.report.Html.gapInterval;
import static org.csat.report.Html.level;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.csat.report.Answers.Answer;

/**
 * The first screen, the answer at a glance: the headline gap in one line, then per metric the
 * human-first baseline on comparable contacts, bot-first, the adjusted gap with its interval and
 * the verdict beside a dot-and-whisker chart of the gap with the raw gap next to it (so the
 * flattery of the case mix is visible), the bot-only rates, and on the right the topics where
 * the bot does worst.
 */
final class FirstScreen {
    private final Answers answers;
    private final TopicGaps topics;
    private final double level;

    FirstScreen(Answers answers, TopicGaps topics, double level) {
        this.answers = answers;
        this.topics = topics;
        this.level = level;
    }

    String html() {
        StringBuilder html = new StringBuilder("<section id=\"answer\" class=\"first\">");
        html.append("<div class=\"answer-column\"><h2>How much worse is the bot?</h2>");
        if (answers.charted().isEmpty()) {
            html.append("<p class=\"empty\">")
                    .append(escape(answers.gaps().isEmpty() ? "gold_quality_drop is empty." : notEstimable()))
                    .append("</p></div>");
        } else {
            headline(html);
            table(html);
            botOnly(html);
            footnotes(html);
            html.append("</div>");
        }
        html.append("<div class=\"where-column\">")
                .append(topics.firstScreenHtml())
                .append("</div>");
        return html.append("</section>").toString();
    }

    private String notEstimable() {
        return answers.gaps().get(0).verdict();
    }

    private void headline(StringBuilder html) {
        Answer a = answers.headline().orElseThrow();
        String judgement = a.judgement();
        html.append("<div class=\"headline ")
                .append(cssClass(judgement))
                .append("\"><div class=\"big\">")
                .append(escape(gap(a.metric(), a.adjusted())))
                .append("</div><div><b>")
                .append(escape(capitalized(a.metric().label())))
                .append(":</b> ")
                .append(escape(level(a.metric(), a.bot())))
                .append(" for bot-first contacts against ")
                .append(escape(level(a.metric(), a.human())))
                .append(" for comparable human-first ones (")
                .append(percentLevel())
                .append(" CI ")
                .append(escape(gapInterval(a.metric(), a.ciLow(), a.ciHigh())))
                .append("): <b>")
                .append(escape(judgement == null ? "no interval" : judgement))
                .append("</b>.");
        if (a.raw() != null) {
            boolean flattered = a.metric().higherIsBetter() ? a.raw() > a.adjusted() : a.raw() < a.adjusted();
            html.append(" Unadjusted it reads ")
                    .append(escape(gap(a.metric(), a.raw())))
                    .append(flattered ? ", flattered by the easier contacts the bot takes." : ".");
        }
        html.append("<div class=\"tally\">").append(escape(tally())).append("</div></div></div>");
    }

    /** "Worse for customers on 4 of 7 measures: ...; better on ...; no clear difference on ...". */
    private String tally() {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        for (Answer a : answers.charted()) {
            String judgement = a.judgement();
            (("worse".equals(judgement)) ? worse : "better".equals(judgement) ? better : unclear)
                    .add(a.metric().label());
        }
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Worse for customers on %d of %d measures",
                worse.size(),
                answers.charted().size()));
        text.append(worse.isEmpty() ? "" : ": " + String.join(", ", worse));
        if (!better.isEmpty()) {
            text.append("; better on ").append(String.join(", ", better));
        }
        if (!unclear.isEmpty()) {
            text.append("; no clear difference on ").append(String.join(", ", unclear));
        }
        return text.append('.').toString();
    }

    private void table(StringBuilder html) {
        html.append("<p class=\"legend-line\"><i class=\"dot\"></i>adjusted gap with its ")
                .append(percentLevel())
                .append(" interval <i class=\"diamond\"></i>raw gap (unadjusted) \u00b7 each row on its own scale, ")
                .append("worse for customers to the left</p>");
        html.append("<table class=\"answer\"><thead><tr><th>Measure</th>")
                .append("<th class=\"n\">Human-first<small>like for like</small></th>")
                .append("<th class=\"n\">Bot-first</th>")
                .append("<th class=\"n\">Gap<small>")
                .append(percentLevel())
                .append(" CI</small></th>")
                .append("<th class=\"forest-head\"><span>\u2190 worse</span><span>better \u2192</span></th>")
                .append("<th>Verdict</th></tr></thead><tbody>");
        for (Answer a : answers.gaps()) {
            String judgement = a.judgement();
            html.append("<tr class=\"")
                    .append(cssClass(judgement))
                    .append("\" title=\"")
                    .append(escape(a.explanation() == null ? a.verdict() : a.explanation()))
                    .append("\"><td>")
                    .append(escape(capitalized(a.metric().label())))
                    .append("<small>n ")
                    .append(count(a.nBot()))
                    .append(" / ")
                    .append(count(a.nHuman()))
                    .append("</small></td><td class=\"n\">")
                    .append(escape(level(a.metric(), a.human())))
                    .append("</td><td class=\"n\">")
                    .append(escape(level(a.metric(), a.bot())))
                    .append("</td><td class=\"n\"><b>")
                    .append(escape(gap(a.metric(), a.adjusted())))
                    .append("</b><small>")
                    .append(escape(a.estimated() ? gapInterval(a.metric(), a.ciLow(), a.ciHigh()) : ""))
                    .append("</small></td><td class=\"forest\">");
            if (a.estimated()) {
                html.append("<div class=\"chart\" data-chart=\"gap\" data-metric=\"")
                        .append(escape(a.metric().name()))
                        .append("\" id=\"gap-")
                        .append(escape(a.metric().name()))
                        .append("\"></div>");
            } else {
                html.append("<span class=\"empty\">")
                        .append(escape(a.verdict()))
                        .append("</span>");
            }
            html.append("</td><td><span class=\"badge\">")
                    .append(escape(judgement == null ? NONE : judgement))
                    .append("</span><small>")
                    .append(escape(pValue(a)))
                    .append("</small></td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void botOnly(StringBuilder html) {
        for (Answer a : answers.botOnly()) {
            html.append("<p class=\"bot-only\"><b>")
                    .append(escape(capitalized(a.metric().label())))
                    .append(" (bot only):</b> ")
                    .append(escape(level(a.metric(), a.bot())))
                    .append(" of bot-first contacts");
            if (a.ciLow() != null) {
                html.append(" (")
                        .append(percentLevel())
                        .append(" CI ")
                        .append(escape(level(a.metric(), a.ciLow())))
                        .append(" to ")
                        .append(escape(level(a.metric(), a.ciHigh())))
                        .append(")");
            }
            html.append(". Human-first customers have no bot to ask past, so this is a rate, not a gap.</p>");
        }
    }

    private void footnotes(StringBuilder html) {
        html.append("<p class=\"note\">Gap = bot-first minus human-first on comparable contacts (same topic, "
                + "language and complexity) after the rollout; n = bot-first / human-first conversations with a "
                + "value. Intervals: bootstrap clustered by customer. Hover a row for the full sentence.</p>");
        // the same caveat often holds for several metrics: say it once, naming them
        Map<String, List<String>> metricsByNote = new LinkedHashMap<>();
        for (Answer a : answers.gaps()) {
            if (a.note() != null) {
                for (String note : a.note().split("; ")) {
                    metricsByNote
                            .computeIfAbsent(note, n -> new ArrayList<>())
                            .add(a.metric().label());
                }
            }
        }
        if (!answers.unknownMetrics().isEmpty()) {
            metricsByNote.put(
                    "in gold_quality_drop but unknown to this version of the report, not shown",
                    answers.unknownMetrics());
        }
        if (metricsByNote.isEmpty()) {
            return;
        }
        html.append("<details class=\"notes\"><summary>Caveats (")
                .append(metricsByNote.size())
                .append(")</summary><ul>");
        metricsByNote.forEach((note, metrics) -> html.append("<li>")
                .append(escape(capitalized(note)))
                .append(" <small>")
                .append(escape(String.join(", ", metrics)))
                .append("</small></li>"));
        html.append("</ul></details>");
    }

    /** "p 0.003", or "p < 0.005" when every replicate fell on one side of zero. */
    private static String pValue(Answer a) {
        if (a.pValue() == null) {
            return "";
        }
        if (a.pValue() == 0 && a.replicates() > 0) {
            return String.format(Locale.ROOT, "p < %.1g", 1.0 / a.replicates());
        }
        return String.format(Locale.ROOT, a.pValue() < 0.001 ? "p %.1g" : "p %.3f", a.pValue());
    }

    private String percentLevel() {
        return String.format(Locale.ROOT, "%.0f%%", 100 * level);
    }

    private static String cssClass(String judgement) {
        return judgement == null ? "unknown" : judgement.replace(' ', '-');
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
