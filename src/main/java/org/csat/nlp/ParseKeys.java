package org.csat.nlp;

import edu.stanford.nlp.parser.lexparser.BaseLexicon;
import edu.stanford.nlp.parser.lexparser.EnglishUnknownWordModel;
import edu.stanford.nlp.parser.lexparser.LexicalizedParser;
import edu.stanford.nlp.parser.lexparser.Lexicon;
import edu.stanford.nlp.parser.lexparser.Options;
import edu.stanford.nlp.parser.lexparser.UnknownWordModel;
import edu.stanford.nlp.pipeline.ParserAnnotator;
import edu.stanford.nlp.pipeline.SentimentAnnotator;
import edu.stanford.nlp.trees.TreebankLanguagePack;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The memo key of a sentence: its tokens, except that a token the parser's lexicon has never
 * seen is replaced by what the two models actually read of it, its unknown-word signature at
 * that position (such as {@code UNK-NUM} or {@code UNK-INITC-KNOWNLC}) and its entry in the
 * sentiment vocabulary (usually the unknown-word vector). Sentences with equal keys get the
 * same parse and the same sentiment, to the bit, so each key is parsed once: "Where is order
 * 48213?" and "Where is order 77310?" are one parse, as are greetings that differ only in a
 * name the models do not know.
 *
 * <p>Why it is exact. CoreNLP's PCFG parser ({@link BaseLexicon} with the
 * {@link EnglishUnknownWordModel}) reads each token through its word function (English:
 * American spelling) and scores an unseen word's tags from its signature alone (tag
 * candidates: those of the unknown word; score: counts of signature and tag), so the chart,
 * and with it the best tree, is the same for two sentences that differ only in unseen words
 * of equal signatures. The tree's leaves get the original tokens back, and the sentiment
 * network reads a leaf only through its vocabulary entry. The check is made against the
 * loaded models, so it holds for whatever model files are configured. Any other parser setup
 * (shift-reduce, factored or dependency parsing, another lexicon or unknown-word model) keeps
 * the tokens as they are, as do tokens without a letter or digit and punctuation words.
 * {@code bench/run} and {@code ScoreSentencesTest} check the result against the naive path,
 * message by message.
 */
final class ParseKeys {
    /** Starts a replaced token; the tokenizer never produces it, so keys cannot meet real tokens. */
    static final char MARK = '\u0000';

    private static final ParseKeys EXACT_TOKENS = new ParseKeys(null, null, null, null, null);

    private final Lexicon lexicon;
    private final UnknownWordModel unknownWords;
    private final Function<String, String> wordFunction;
    private final TreebankLanguagePack language;
    private final edu.stanford.nlp.sentiment.SentimentModel sentiment;

    private ParseKeys(
            Lexicon lexicon,
            UnknownWordModel unknownWords,
            Function<String, String> wordFunction,
            TreebankLanguagePack language,
            edu.stanford.nlp.sentiment.SentimentModel sentiment) {
        this.lexicon = lexicon;
        this.unknownWords = unknownWords;
        this.wordFunction = wordFunction;
        this.language = language;
        this.sentiment = sentiment;
    }

    /**
     * Keys for the models inside these annotators, or keys that are the tokens themselves when
     * the parser is not one for which the replacement is known to be exact.
     */
    static ParseKeys of(ParserAnnotator parserAnnotator, SentimentAnnotator sentimentAnnotator) {
        // CoreNLP exposes neither model from its annotator; read them rather than load a second copy.
        Object parser = privateField(ParserAnnotator.class, "parser", parserAnnotator);
        Object sentiment = privateField(SentimentAnnotator.class, "model", sentimentAnnotator);
        if (!(parser instanceof LexicalizedParser lexicalized)
                || !(sentiment instanceof edu.stanford.nlp.sentiment.SentimentModel sentimentModel)) {
            return EXACT_TOKENS;
        }
        Options options = lexicalized.getOp();
        Lexicon lexicon = lexicalized.getLexicon();
        boolean pcfgOnly = options.doPCFG
                && !options.doDep
                && !options.testOptions.addMissingFinalPunctuation
                && options.testOptions.maxSpanForTags <= 1;
        if (!pcfgOnly
                || lexicon == null
                || lexicon.getClass() != BaseLexicon.class
                || lexicon.getUnknownWordModel() == null
                || lexicon.getUnknownWordModel().getClass() != EnglishUnknownWordModel.class) {
            return EXACT_TOKENS;
        }
        Function<String, String> wordFunction =
                options.wordFunction == null ? Function.identity() : options.wordFunction;
        return new ParseKeys(
                lexicon,
                lexicon.getUnknownWordModel(),
                wordFunction,
                lexicalized.treebankLanguagePack(),
                sentimentModel);
    }

    /** Whether tokens the models do not know are merged (false: every key is its tokens). */
    boolean mergesUnknownWords() {
        return lexicon != null;
    }

    List<String> key(List<String> words) {
        if (lexicon == null) {
            return words;
        }
        List<String> key = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String parsed = wordFunction.apply(word);
            if (replaceable(word, parsed)) {
                if (key == null) {
                    key = new ArrayList<>(words);
                }
                key.set(i, MARK + unknownWords.getSignature(parsed, i) + MARK + sentiment.getVocabWord(word));
            }
        }
        return key == null ? words : List.copyOf(key);
    }

    /** Whether the parser reads {@code word}, which it sees as {@code parsed}, only through its signature. */
    private boolean replaceable(String word, String parsed) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit)
                && !language.isPunctuationWord(word)
                && !language.isPunctuationWord(parsed)
                && !lexicon.isKnown(parsed);
    }

    private static Object privateField(Class<?> type, String name, Object owner) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
