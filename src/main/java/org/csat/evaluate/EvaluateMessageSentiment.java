package org.csat.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.config.PipelineConfig;
import org.csat.nlp.CombinedSentiment;
import org.csat.nlp.LexiconSentiment;
import org.csat.nlp.SentimentModel;
import org.csat.nlp.SentimentScale;
import org.csat.quality.RankAgreement;

/**
 * Message sentiment against people, one scorer per line, so that each part's contribution
 * shows: CoreNLP alone (its most probable class, as {@code corenlp_sentiment_label}, and the
 * class nearest to its score), VADER's word list alone, the chat lexicon (VADER plus the
 * support phrases and sarcasm), the pipeline's combination ({@code sentiment_label}), and the
 * combination with one part of the lexicon switched off at a time. Two sets of texts:
 * <ul>
 * <li>SST-2 (GLUE dev, 872 movie-review sentences, positive or negative): a label is mapped to
 * three classes (very_/negative, neutral, very_/positive); macro-F1 over the two gold classes,
 * so a "neutral" answer counts as a miss. CoreNLP was trained on this treebank's training
 * part: it is CoreNLP's home ground, not chat.</li>
 * <li>USS user turns (a seeded sample of the user turns of MWOZ, SGD, ReDial and CCPE that carry
 * a satisfaction rating, 1-5 from 3-4 annotators): gold class from the mean rating rounded half
 * up (1-2 negative, 3 neutral, 4-5 positive); macro-F1 over the three classes, and Spearman of
 * the score with the mean rating.</li>
 * </ul>
 * The lexicon alone is labelled with VADER's documented cut (compound &ge; 0.05 positive,
 * &le; -0.05 negative); the combination by the pipeline's rule ({@link CombinedSentiment}: CoreNLP's
 * class, the lexicon's polarity where CoreNLP reads neutral and the lexicon's compound is beyond
 * {@code sentiment.lexicon_override}), at the configured override, at VADER's cut, with the
 * override chosen by 5-fold cross-validation within the set and chosen on the other set
 * ({@link SelectLexiconOverride}), and, for comparison, labelled by the class nearest to its score
 * (the first labelling rule). CoreNLP scores each text the pipeline's way (sentences split,
 * parsed, token-weighted), on every core of this JVM. Only the cross-validated and other-set
 * lines fit anything; the others are what the pipeline reports with its settings.
 */
public final class EvaluateMessageSentiment {
    static final String SST2 = "sst2/sst2_glue_dev_872_labeled.tsv";
    static final String USS = "uss";

    private static final StructType PAIRS = new StructType()
            .add("predictor", DataTypes.StringType)
            .add("cohort", DataTypes.StringType)
            .add("prediction", DataTypes.DoubleType)
            .add("label", DataTypes.DoubleType);

    private final SparkSession spark;
    private final PipelineConfig config;
    private Path datasets;
    private int turns = 2000;
    private long seed = 42;
    private Path scoresFile;
    private Path scoredBefore;

    /** A text with its gold class and rating (SST-2: 0 or 1; USS: the mean rating). */
    record Labelled(String text, String gold, double rating) {}

    /** A text's CoreNLP probabilities (null: not scored) and the lexicon variants' scores. */
    record Scored(Labelled text, double[] corenlp, Map<String, Double> lexicon) {}

    /** One scorer on one set. */
    public record Figure(String scorer, String set, int texts, double macroF1, double accuracy, Double spearman) {}

    public record Result(List<Figure> figures, int sst2Texts, int ussTurns) {}

    private static final Map<String, LexiconSentiment.Parts> LEXICONS = lexicons();

    public EvaluateMessageSentiment(SparkSession spark, PipelineConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** The shared datasets directory, with {@value #SST2} and {@value #USS}/. */
    public EvaluateMessageSentiment datasets(Path directory) {
        if (directory == null
                || !Files.isRegularFile(directory.resolve(SST2))
                || !Files.isDirectory(directory.resolve(USS))) {
            throw new IllegalArgumentException(
                    "not a datasets directory (needs " + SST2 + " and " + USS + "/): " + directory);
        }
        this.datasets = directory;
        return this;
    }

    /** How many rated USS user turns to sample (0: all of them, ~40,000: an hour of CoreNLP). */
    public EvaluateMessageSentiment turns(int turns) {
        if (turns < 0) {
            throw new IllegalArgumentException("turns must be >= 0, got " + turns);
        }
        this.turns = turns;
        return this;
    }

    public EvaluateMessageSentiment seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Where to write every text's scores as tab-separated values (set, gold class, rating,
     * CoreNLP's five probabilities, each lexicon variant's compound), so a combination can be
     * studied without parsing again; null (the default) writes nothing.
     */
    public EvaluateMessageSentiment scoresFile(Path file) {
        this.scoresFile = file;
        return this;
    }

    /**
     * Reads every text's scores from an earlier run's {@link #scoresFile} instead of scoring
     * them: seconds instead of minutes, to study a labelling rule; the scores are CoreNLP's and
     * the lexicon's as they were in that run.
     */
    public EvaluateMessageSentiment scoredBefore(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a scores file of an earlier run: " + file);
        }
        this.scoredBefore = file;
        return this;
    }

    public Result execute() throws IOException {
        if (datasets == null) {
            throw new IllegalStateException("datasets must be set before execute()");
        }
        List<Scored> sst2;
        List<Scored> uss;
        if (scoredBefore != null) {
            Map<String, List<Scored>> sets = SentimentScoresFile.read(scoredBefore, List.copyOf(LEXICONS.keySet()));
            sst2 = sets.getOrDefault("sst2", List.of());
            uss = sets.getOrDefault("uss", List.of());
        } else {
            sst2 = score(sst2(datasets.resolve(SST2)));
            uss = score(ussTurns(datasets.resolve(USS), turns, seed));
        }
        if (scoresFile != null && scoredBefore == null) {
            Map<String, List<Scored>> sets = new LinkedHashMap<>();
            sets.put("sst2", sst2);
            sets.put("uss", uss);
            SentimentScoresFile.write(scoresFile, sets, List.copyOf(LEXICONS.keySet()));
        }
        List<String> twoWay = List.of("negative", "positive");
        List<String> threeWay = List.of("negative", "neutral", "positive");
        Map<String, Function<Scored, Prediction>> onSst2 = scorers(sst2, twoWay, uss, threeWay);
        Map<String, Function<Scored, Prediction>> onUss = scorers(uss, threeWay, sst2, twoWay);
        List<Figure> figures = new ArrayList<>();
        for (String scorer : onSst2.keySet()) {
            figures.add(figure(scorer, "SST-2", sst2, onSst2.get(scorer), twoWay));
            figures.add(figure(scorer, "USS turns", uss, onUss.get(scorer), threeWay));
        }
        return new Result(figures, sst2.size(), uss.size());
    }

    /** A scorer's answer for one text: a three-way class and a score. */
    record Prediction(String label, double score) {}

    /**
     * The scorers on one set of texts; {@code other} (another set, with its gold classes) is where
     * the "chosen on the other set" line fits its threshold.
     */
    private Map<String, Function<Scored, Prediction>> scorers(
            List<Scored> texts, List<String> classes, List<Scored> other, List<String> otherClasses) {
        double weight = config.sentiment().lexiconWeight();
        double override = config.sentiment().lexiconOverride();
        Map<String, Function<Scored, Prediction>> scorers = new LinkedHashMap<>();
        scorers.put(
                "CoreNLP alone (corenlp_sentiment_label)",
                s -> s.corenlp() == null
                        ? new Prediction("neutral", 0)
                        : new Prediction(
                                threeWay(SentimentScale.label(s.corenlp())), SentimentScale.score(s.corenlp())));
        scorers.put("CoreNLP alone, nearest class of its score", s -> {
            double score = s.corenlp() == null ? 0 : SentimentScale.score(s.corenlp());
            return new Prediction(threeWay(CombinedSentiment.nearestLabel(score)), score);
        });
        scorers.put("VADER word list alone", s -> vader(s.lexicon().get("vader")));
        scorers.put(
                "chat lexicon alone (VADER + support phrases + sarcasm)",
                s -> vader(s.lexicon().get("all")));
        scorers.put(
                String.format(
                        Locale.ROOT, "pipeline: CoreNLP + chat lexicon (sentiment_label, override %.2f)", override),
                s -> combined(s, "all", weight, override));
        scorers.put(
                "  pipeline with the lexicon labelling every CoreNLP neutral (override 0.05, VADER's cut)",
                s -> combined(s, "all", weight, CombinedSentiment.LEXICON_CUT));
        scorers.put(
                "  pipeline with the override chosen by 5-fold cross-validation within the set",
                crossValidated(texts, classes, weight));
        double fittedOnOther = selection(otherClasses, weight).best(other);
        scorers.put(
                "  pipeline with the override chosen on the other set (SST-2 -> USS, USS -> SST-2)",
                s -> combined(s, "all", weight, fittedOnOther));
        scorers.put("  pipeline labelled by the nearest class of its score (the first labelling rule)", s -> {
            double score = CombinedSentiment.score(corenlpScore(s), s.lexicon().get("all"), weight);
            return new Prediction(threeWay(CombinedSentiment.nearestLabel(score)), score);
        });
        for (String variant : LEXICONS.keySet()) {
            if (!variant.equals("all") && !variant.equals("vader")) {
                scorers.put("  pipeline " + variant, s -> combined(s, variant, weight, override));
            }
        }
        return scorers;
    }

    /** Labels by the override chosen on the other folds ({@link SelectLexiconOverride}). */
    private Function<Scored, Prediction> crossValidated(List<Scored> texts, List<String> classes, double weight) {
        Map<Scored, String> labels = selection(classes, weight).crossValidated(texts, 5, seed);
        return s -> new Prediction(
                labels.get(s),
                CombinedSentiment.score(corenlpScore(s), s.lexicon().get("all"), weight));
    }

    private static SelectLexiconOverride<Scored> selection(List<String> classes, double weight) {
        return new SelectLexiconOverride<>(
                (s, threshold) -> combined(s, "all", weight, threshold).label(),
                s -> s.text().gold(),
                classes);
    }

    private static Double corenlpScore(Scored s) {
        return s.corenlp() == null ? null : SentimentScale.score(s.corenlp());
    }

    private static Prediction combined(Scored s, String variant, double weight, double override) {
        double lexicon = s.lexicon().get(variant);
        double score = CombinedSentiment.score(corenlpScore(s), lexicon, weight);
        String label = CombinedSentiment.label(
                s.corenlp() == null ? null : SentimentScale.label(s.corenlp()), lexicon, score, override);
        return new Prediction(threeWay(label), score);
    }

    private static Map<String, LexiconSentiment.Parts> lexicons() {
        Map<String, LexiconSentiment.Parts> variants = new LinkedHashMap<>();
        variants.put("all", LexiconSentiment.ALL);
        variants.put("vader", new LexiconSentiment.Parts(true, false, false, true, true));
        variants.put("without support phrases", new LexiconSentiment.Parts(true, false, true, true, true));
        variants.put("without sarcasm", new LexiconSentiment.Parts(true, true, false, true, true));
        variants.put("without negation", new LexiconSentiment.Parts(true, true, true, false, true));
        variants.put("without intensifiers and emphasis", new LexiconSentiment.Parts(true, true, true, true, false));
        variants.put("without emoji", new LexiconSentiment.Parts(false, true, true, true, true));
        return variants;
    }

    private static Prediction vader(double compound) {
        return new Prediction(compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral", compound);
    }

    static String threeWay(String fiveWay) {
        return fiveWay.endsWith("negative") ? "negative" : fiveWay.endsWith("positive") ? "positive" : "neutral";
    }

    private List<Scored> score(List<Labelled> texts) {
        String model = config.sentiment().parseModel();
        int cap = config.sentiment().maxSentenceTokens();
        Map<String, LexiconSentiment> lexicons = new LinkedHashMap<>();
        LEXICONS.forEach((name, parts) -> lexicons.put(name, LexiconSentiment.english(parts)));
        return texts.parallelStream()
                .map(text -> {
                    List<SentimentScale.ScoredSentence> sentences = new ArrayList<>();
                    for (SentimentModel.Sentence s : SentimentModel.split(text.text())) {
                        sentences.add(new SentimentScale.ScoredSentence(
                                s.tokens(), SentimentModel.score(s.words(), model, cap)));
                    }
                    Map<String, Double> lexicon = new LinkedHashMap<>();
                    lexicons.forEach((name, scorer) ->
                            lexicon.put(name, scorer.score(text.text()).compound()));
                    return new Scored(text, SentimentScale.messageProbabilities(sentences), lexicon);
                })
                .toList();
    }

    private Figure figure(
            String scorer,
            String set,
            List<Scored> texts,
            Function<Scored, Prediction> predict,
            List<String> goldClasses) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        double[] scores = new double[texts.size()];
        double[] ratings = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            Prediction p = predict.apply(texts.get(i));
            gold.add(texts.get(i).text().gold());
            predicted.add(p.label());
            scores[i] = p.score();
            ratings[i] = texts.get(i).text().rating();
        }
        Double spearman = goldClasses.size() == 3 ? spearman(scores, ratings) : null;
        return new Figure(
                scorer, set, texts.size(), macroF1(gold, predicted, goldClasses), accuracy(gold, predicted), spearman);
    }

    /** Spearman of scores and ratings ({@link RankAgreement}, ties at their average rank). */
    private Double spearman(double[] scores, double[] ratings) {
        List<Row> pairs = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            pairs.add(RowFactory.create("scorer", "all", scores[i], ratings[i]));
        }
        Row measured =
                RankAgreement.measure(spark.createDataFrame(pairs, PAIRS)).first();
        return measured.isNullAt(measured.fieldIndex("spearman")) ? null : measured.getAs("spearman");
    }

    /**
     * The mean over {@code classes} of each class's F1 (precision over every text predicted in
     * it, so a prediction outside the gold classes, such as "neutral" on SST-2, is a miss).
     */
    static double macroF1(List<String> gold, List<String> predicted, List<String> classes) {
        double sum = 0;
        for (String c : classes) {
            int truePositive = 0;
            int predictedAs = 0;
            int actual = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean isGold = gold.get(i).equals(c);
                boolean isPredicted = predicted.get(i).equals(c);
                truePositive += isGold && isPredicted ? 1 : 0;
                predictedAs += isPredicted ? 1 : 0;
                actual += isGold ? 1 : 0;
            }
            double precision = predictedAs == 0 ? 0 : (double) truePositive / predictedAs;
            double recall = actual == 0 ? 0 : (double) truePositive / actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / classes.size();
    }

    static double accuracy(List<String> gold, List<String> predicted) {
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            correct += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        return gold.isEmpty() ? 0 : (double) correct / gold.size();
    }

    static List<Labelled> sst2(Path file) throws IOException {
        List<Labelled> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length >= 2 && fields[1].strip().matches("[01]")) {
                boolean positive = fields[1].strip().equals("1");
                texts.add(new Labelled(fields[0].strip(), positive ? "positive" : "negative", positive ? 1 : 0));
            }
        }
        return texts;
    }

    /** A seeded sample of the rated user turns of the English USS corpora (all of them with 0). */
    static List<Labelled> ussTurns(Path directory, int limit, long seed) throws IOException {
        List<Labelled> turns = new ArrayList<>();
        for (String name : ConvertUssDialogues.ENGLISH_CORPORA) {
            ConvertUssDialogues.Parsed parsed =
                    ConvertUssDialogues.parse(directory.resolve(name), name.replaceFirst("\\.txt$", ""));
            for (ConvertUssDialogues.Dialogue dialogue : parsed.rated()) {
                for (String[] turn : dialogue.turns()) {
                    Double rating = turn[0].equals("USER") ? ConvertUssDialogues.mean(turn[2]) : null;
                    if (rating != null) {
                        int rounded = ConvertUssDialogues.csat(rating);
                        String gold = rounded <= 2 ? "negative" : rounded == 3 ? "neutral" : "positive";
                        turns.add(new Labelled(turn[1], gold, rating));
                    }
                }
            }
        }
        Collections.shuffle(turns, new Random(seed));
        return limit == 0 || limit >= turns.size() ? turns : turns.subList(0, limit);
    }
}
