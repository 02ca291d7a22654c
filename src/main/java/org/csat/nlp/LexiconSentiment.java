package org.csat.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A message's sentiment from words, the way people write in chats: VADER's rules (Hutto &amp;
 * Gilbert 2014; ported from vaderSentiment 3.3.2, which the tests reproduce) over
 * {@link ChatLexicon}, with support-chat phrases and sarcasm added. VADER sums a valence per
 * sentiment word or emoticon (emoji read through their descriptions), adjusted by the three
 * words before it (negation "not", "never", "-n't" words flip and damp it by 0.74; intensifiers
 * "very", "so", "kinda" raise or lower it by 0.29), by ALL CAPS amid lower case, by "but" (what
 * comes after counts 1.5 times, before 0.5 times) and by exclamation marks, and maps the sum to
 * -1..1 ({@code x / sqrt(x² + 15)}). This class is VADER's rules; the support-chat layer
 * ({@link SupportChatLayer}: support phrases as items with their own valence, sarcasm flipping
 * a sentence's praise) sits between tokenizing and summing. {@link Parts} turns each addition
 * off, to measure what it adds.
 */
public final class LexiconSentiment {
    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    static final double C_INCR = 0.733;
    static final double N_SCALAR = -0.74;

    private static final Set<String> NEGATE = Set.of(
            "aint",
            "arent",
            "cannot",
            "cant",
            "couldnt",
            "darent",
            "didnt",
            "doesnt",
            "ain't",
            "aren't",
            "can't",
            "couldn't",
            "daren't",
            "didn't",
            "doesn't",
            "dont",
            "hadnt",
            "hasnt",
            "havent",
            "isnt",
            "mightnt",
            "mustnt",
            "neither",
            "don't",
            "hadn't",
            "hasn't",
            "haven't",
            "isn't",
            "mightn't",
            "mustn't",
            "neednt",
            "needn't",
            "never",
            "none",
            "nope",
            "nor",
            "not",
            "nothing",
            "nowhere",
            "oughtnt",
            "shant",
            "shouldnt",
            "uhuh",
            "wasnt",
            "werent",
            "oughtn't",
            "shan't",
            "shouldn't",
            "uh-uh",
            "wasn't",
            "weren't",
            "without",
            "wont",
            "wouldnt",
            "won't",
            "wouldn't",
            "rarely",
            "seldom",
            "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> SPECIAL_CASES = Map.of(
            "the shit", 3.0,
            "the bomb", 3.0,
            "bad ass", 1.5,
            "badass", 1.5,
            "bus stop", 0.0,
            "yeah right", -2.0,
            "kiss of death", -1.5,
            "to die for", 3.0,
            "beating heart", 3.1,
            "broken heart", -2.9);

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** Which of the additions to VADER's word list are on; {@link #ALL} in the pipeline. */
    public record Parts(
            boolean emoji, boolean supportPhrases, boolean sarcasm, boolean negation, boolean intensifiers) {}

    public static final Parts ALL = new Parts(true, true, true, true, true);

    /** The score in -1..1 and how many words or phrases carried sentiment. */
    public record Score(double compound, int items) {}

    /** One unit of the VADER sum: a token, or the tokens of a support phrase. */
    record Item(String text, String lower, Double phraseValence, int firstToken, int lastToken) {}

    private final ChatLexicon lexicon;
    private final Parts parts;
    private final SupportChatLayer support;

    LexiconSentiment(ChatLexicon lexicon, Parts parts) {
        this.lexicon = lexicon;
        this.parts = parts;
        this.support = new SupportChatLayer(lexicon, parts.supportPhrases());
    }

    /** The pipeline's scorer: the English lexicon with every part on. */
    public static LexiconSentiment english() {
        return english(ALL);
    }

    /** The English lexicon with only some of the additions to VADER on (to measure what each adds). */
    public static LexiconSentiment english(Parts parts) {
        return new LexiconSentiment(ChatLexicon.english(), parts);
    }

    public Score score(String text) {
        String prepared = (parts.emoji() ? withEmojiDescribed(text) : text)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .strip();
        if (prepared.isEmpty()) {
            return new Score(0, 0);
        }
        String[] raw = prepared.split("\\s+");
        List<String> tokens = new ArrayList<>(raw.length);
        for (String token : raw) {
            tokens.add(stripPunctuation(token));
        }
        boolean capDifferential = allCapDifferential(tokens);
        List<Item> items = support.items(tokens);
        double[] sentiments = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            String lower = items.get(i).lower();
            boolean modifier = items.get(i).phraseValence() == null && BOOSTERS.containsKey(lower);
            boolean kindOf = i < items.size() - 1
                    && lower.equals("kind")
                    && items.get(i + 1).lower().equals("of");
            sentiments[i] = modifier || kindOf ? 0 : valence(items, i, capDifferential);
        }
        if (parts.sarcasm()) {
            support.flipSarcasm(items, raw, sentiments);
        }
        butCheck(items, sentiments);
        double sum = 0;
        int carrying = 0;
        for (double s : sentiments) {
            sum += s;
            carrying += s != 0 ? 1 : 0;
        }
        if (parts.intensifiers()) {
            double emphasis = punctuationEmphasis(prepared);
            sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        }
        return new Score(normalize(sum), carrying);
    }

    private boolean carriesSentiment(Item item) {
        return item.phraseValence() != null || lexicon.word(item.lower()) != null;
    }

    private double valence(List<Item> items, int i, boolean capDifferential) {
        Item item = items.get(i);
        Double own = item.phraseValence() != null ? item.phraseValence() : lexicon.word(item.lower());
        if (own == null) {
            return 0;
        }
        double valence = own;
        if (parts.negation()) {
            if (item.lower().equals("no") && i != items.size() - 1 && carriesSentiment(items.get(i + 1))) {
                valence = 0;
            }
            if ((i > 0 && lower(items, i - 1).equals("no"))
                    || (i > 1 && lower(items, i - 2).equals("no"))
                    || (i > 2
                            && lower(items, i - 3).equals("no")
                            && Set.of("or", "nor").contains(lower(items, i - 1)))) {
                valence = own * N_SCALAR;
            }
        }
        if (parts.intensifiers() && isUpper(item.text()) && capDifferential) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int start = 0; start < 3; start++) {
            if (i > start && !carriesSentiment(items.get(i - (start + 1)))) {
                if (parts.intensifiers()) {
                    double s = scalar(items.get(i - (start + 1)).text(), valence, capDifferential);
                    valence += start == 1 ? s * 0.95 : start == 2 ? s * 0.9 : s;
                }
                if (parts.negation()) {
                    valence = negationCheck(valence, items, start, i);
                }
                if (start == 2) {
                    valence = specialIdioms(valence, items, i);
                }
            }
        }
        return parts.negation() ? leastCheck(valence, items, i) : valence;
    }

    private static String lower(List<Item> items, int i) {
        return items.get(i).lower();
    }

    private static double scalar(String word, double valence, boolean capDifferential) {
        Double boost = BOOSTERS.get(word.toLowerCase(Locale.ROOT));
        if (boost == null) {
            return 0;
        }
        double scalar = valence < 0 ? -boost : boost;
        if (isUpper(word) && capDifferential) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static boolean negated(String lower) {
        return NEGATE.contains(lower) || lower.contains("n't");
    }

    private static double negationCheck(double valence, List<Item> items, int start, int i) {
        if (start == 0) {
            return negated(lower(items, i - 1)) ? valence * N_SCALAR : valence;
        }
        if (start == 1) {
            if (lower(items, i - 2).equals("never") && Set.of("so", "this").contains(lower(items, i - 1))) {
                return valence * 1.25;
            }
            if (lower(items, i - 2).equals("without") && lower(items, i - 1).equals("doubt")) {
                return valence;
            }
            return negated(lower(items, i - 2)) ? valence * N_SCALAR : valence;
        }
        // VADER's own precedence: "never so/this" three back, or "so"/"this" right before, boosts
        if (lower(items, i - 3).equals("never") && Set.of("so", "this").contains(lower(items, i - 2))
                || Set.of("so", "this").contains(lower(items, i - 1))) {
            return valence * 1.25;
        }
        if (lower(items, i - 3).equals("without")
                && (lower(items, i - 2).equals("doubt") || lower(items, i - 1).equals("doubt"))) {
            return valence;
        }
        return negated(lower(items, i - 3)) ? valence * N_SCALAR : valence;
    }

    private static double specialIdioms(double valence, List<Item> items, int i) {
        String oneZero = lower(items, i - 1) + " " + lower(items, i);
        String twoOneZero = lower(items, i - 2) + " " + oneZero;
        String twoOne = lower(items, i - 2) + " " + lower(items, i - 1);
        String threeTwoOne = lower(items, i - 3) + " " + twoOne;
        String threeTwo = lower(items, i - 3) + " " + lower(items, i - 2);
        for (String sequence : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
            Double special = SPECIAL_CASES.get(sequence);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (items.size() - 1 > i) {
            Double special = SPECIAL_CASES.get(lower(items, i) + " " + lower(items, i + 1));
            valence = special != null ? special : valence;
        }
        if (items.size() - 1 > i + 1) {
            Double special = SPECIAL_CASES.get(lower(items, i) + " " + lower(items, i + 1) + " " + lower(items, i + 2));
            valence = special != null ? special : valence;
        }
        for (String nGram : List.of(threeTwoOne, threeTwo, twoOne)) {
            Double boost = BOOSTERS.get(nGram);
            if (boost != null) {
                valence += boost;
            }
        }
        return valence;
    }

    private double leastCheck(double valence, List<Item> items, int i) {
        if (i > 1 && !carriesSentiment(items.get(i - 1)) && lower(items, i - 1).equals("least")) {
            String before = lower(items, i - 2);
            return before.equals("at") || before.equals("very") ? valence : valence * N_SCALAR;
        }
        if (i > 0 && !carriesSentiment(items.get(i - 1)) && lower(items, i - 1).equals("least")) {
            return valence * N_SCALAR;
        }
        return valence;
    }

    /** "but": what comes before it counts half, what comes after one and a half times. */
    private static void butCheck(List<Item> items, double[] sentiments) {
        for (int b = 0; b < items.size(); b++) {
            if (lower(items, b).equals("but")) {
                for (int i = 0; i < sentiments.length; i++) {
                    sentiments[i] *= i < b ? 0.5 : i > b ? 1.5 : 1;
                }
                return;
            }
        }
    }

    private String withEmojiDescribed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean previousSpace = true;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            String character = new String(Character.toChars(codePoint));
            offset += Character.charCount(codePoint);
            String description = lexicon.emoji(character);
            if (description != null) {
                if (!previousSpace) {
                    out.append(' ');
                }
                out.append(description);
                previousSpace = false;
            } else {
                out.append(character);
                previousSpace = character.equals(" ");
            }
        }
        return out.toString();
    }

    /** VADER's token: leading and trailing punctuation removed, unless that leaves two characters or fewer (":)"). */
    static String stripPunctuation(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && isPunctuation(token.charAt(from))) {
            from++;
        }
        while (to > from && isPunctuation(token.charAt(to - 1))) {
            to--;
        }
        String stripped = token.substring(from, to);
        return stripped.length() <= 2 ? token : stripped;
    }

    private static boolean isPunctuation(char c) {
        return PUNCTUATION.indexOf(c) >= 0;
    }

    /** Python's str.isupper(): at least one cased character, and none in lower case. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    /** Some but not all words are in ALL CAPS, so capitals are emphasis. */
    private static boolean allCapDifferential(List<String> words) {
        int upper = 0;
        for (String word : words) {
            upper += isUpper(word) ? 1 : 0;
        }
        int difference = words.size() - upper;
        return difference > 0 && difference < words.size();
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = questions > 3 ? 0.96 : questions > 1 ? questions * 0.18 : 0;
        return exclamations * 0.292 + questionEmphasis;
    }

    static double normalize(double sum) {
        double score = sum / Math.sqrt(sum * sum + 15);
        return Math.max(-1, Math.min(1, score));
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> b = new java.util.HashMap<>();
        for (String w : List.of(
                "absolutely",
                "amazingly",
                "awfully",
                "completely",
                "considerable",
                "considerably",
                "decidedly",
                "deeply",
                "effing",
                "enormous",
                "enormously",
                "entirely",
                "especially",
                "exceptional",
                "exceptionally",
                "extreme",
                "extremely",
                "fabulously",
                "flipping",
                "flippin",
                "frackin",
                "fracking",
                "fricking",
                "frickin",
                "frigging",
                "friggin",
                "fully",
                "fuckin",
                "fucking",
                "fuggin",
                "fugging",
                "greatly",
                "hella",
                "highly",
                "hugely",
                "incredible",
                "incredibly",
                "intensely",
                "major",
                "majorly",
                "more",
                "most",
                "particularly",
                "purely",
                "quite",
                "really",
                "remarkably",
                "so",
                "substantially",
                "thoroughly",
                "total",
                "totally",
                "tremendous",
                "tremendously",
                "uber",
                "unbelievably",
                "unusually",
                "utter",
                "utterly",
                "very")) {
            b.put(w, B_INCR);
        }
        for (String w : List.of(
                "almost",
                "barely",
                "hardly",
                "just enough",
                "kind of",
                "kinda",
                "kindof",
                "kind-of",
                "less",
                "little",
                "marginal",
                "marginally",
                "occasional",
                "occasionally",
                "partly",
                "scarce",
                "scarcely",
                "slight",
                "slightly",
                "somewhat",
                "sort of",
                "sorta",
                "sortof",
                "sort-of")) {
            b.put(w, B_DECR);
        }
        return Map.copyOf(b);
    }
}
