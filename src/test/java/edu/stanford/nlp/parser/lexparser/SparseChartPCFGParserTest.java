package edu.stanford.nlp.parser.lexparser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.SentenceUtils;
import edu.stanford.nlp.parser.common.ParserConstraint;
import edu.stanford.nlp.parser.common.ParserQuery;
import java.util.List;
import org.csat.config.PipelineConfig;
import org.csat.nlp.SentimentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sparse chart loop against CoreNLP's own, on the real English PCFG: every chart entry,
 * the best tree and its score must be the same to the bit.
 */
class SparseChartPCFGParserTest {
    /** Chat sentences of the shapes the pipeline parses; each line is there for its shape. */
    private static final List<String> SENTENCES = List.of(
            "ok", // one token
            "thanks !", // two tokens
            "Where is my refund?", // short question
            "This is the worst service I have ever had.", // clear sentiment
            "I was charged twice for order 48213 and nobody answers my emails",
            "hi i ordered a jacket last week it still hasnt arrived and the tracking link says nothing can u check",
            "Your bot keeps sending me the same link over and over again, I want to talk to a real person now!!!",
            "Zorvath Quimbith paid 37.50 EUR via Klarna on 2024-05-12 but the refund went to the wrong card",
            "Can you cancel the subscription, change the delivery address to 12 Baker Street and send me an invoice?",
            "I don't understand why my payment failed , the card works everywhere else .",
            "WHY IS NOBODY HELPING ME",
            "great, that worked, thank you so much for your help today",
            "Not happy.",
            "The app says my account is locked because of suspicious activity but I only logged in from my phone "
                    + "and I need to pay my rent before Friday or I will get a late fee");

    private static LexicalizedParser parser;

    @BeforeAll
    static void loadParser() {
        parser = LexicalizedParser.loadModel(
                PipelineConfig.defaults().sentiment().parseModel());
    }

    @Test
    void fillsTheSameChartTreeAndScoreAsCoreNlpToTheBit() {
        ExhaustivePCFGParser stock = SparseChartLexicalizedParser.chartParser(parser, false);
        ExhaustivePCFGParser sparse = SparseChartLexicalizedParser.chartParser(parser, true);
        assertEquals(ExhaustivePCFGParser.class, stock.getClass());
        assertEquals(SparseChartPCFGParser.class, sparse.getClass());
        for (String sentence : SENTENCES) {
            List<CoreLabel> words = SparseChartLexicalizedParser.chartInput(words(sentence));
            assertTrue(stock.parse(words), sentence);
            float[][][] stockChart = copy(stock.iScore, stock.length);
            String stockTree = stock.getBestParse().toString();
            double stockScore = stock.getBestScore();

            assertTrue(sparse.parse(words), sentence);
            assertEquals(stock.length, sparse.length, sentence);
            for (int start = 0; start < stock.length; start++) {
                for (int end = start + 1; end <= stock.length; end++) {
                    assertArrayEquals(
                            bits(stockChart[start][end]),
                            bits(sparse.iScore[start][end]),
                            sentence + " cell [" + start + "," + end + ")");
                }
            }
            assertEquals(stockTree, sparse.getBestParse().toString(), sentence);
            assertEquals(Double.doubleToLongBits(stockScore), Double.doubleToLongBits(sparse.getBestScore()), sentence);
        }
    }

    @Test
    void queriesOfTheWrappedParserGiveCoreNlpsTreesFromTheSparseLoop() {
        LexicalizedParser sparse = SparseChartLexicalizedParser.of(parser);
        assertNotSame(parser, sparse);
        long sparseBefore = SparseChartPCFGParser.chartsFilled(true);
        long fallbackBefore = SparseChartPCFGParser.chartsFilled(false);
        for (String sentence : SENTENCES) {
            // CoreNLP's own loop is the slow one: its tree, computed once, is what both sparse queries must give
            String stock = bestTree(parser.parserQuery(), sentence);
            assertEquals(stock, bestTree(sparse.parserQuery(), sentence), sentence);
            // CoreNLP's parser annotator sets the sentence's constraints, none, on every query:
            // the query then holds an empty list, which must not send it to CoreNLP's loop.
            ParserQuery asAnnotated = sparse.parserQuery();
            asAnnotated.setConstraints(null);
            assertEquals(stock, bestTree(asAnnotated, sentence), sentence);
        }
        assertEquals(2L * SENTENCES.size(), SparseChartPCFGParser.chartsFilled(true) - sparseBefore);
        assertEquals(0L, SparseChartPCFGParser.chartsFilled(false) - fallbackBefore);
    }

    @Test
    void constrainedParsesFallBackToCoreNlpsLoop() {
        String sentence = "I was charged twice for order 48213 and nobody answers my emails";
        List<ParserConstraint> constraints = List.of(new ParserConstraint(0, 3, ".*"));
        ParserQuery stock = parser.parserQuery();
        stock.setConstraints(constraints);
        ParserQuery sparse = SparseChartLexicalizedParser.of(parser).parserQuery();
        sparse.setConstraints(constraints);
        long fallbackBefore = SparseChartPCFGParser.chartsFilled(false);
        assertEquals(bestTree(stock, sentence), bestTree(sparse, sentence));
        assertEquals(1L, SparseChartPCFGParser.chartsFilled(false) - fallbackBefore);
    }

    @Test
    void parsersWhereTheLoopIsNotProvenExactAreLeftAsTheyAre() {
        Options withDependencies = new Options();
        withDependencies.doDep = true;
        assertNotSparse(withDependencies);
        // CoreNLP's outside pass reads the span extents, which the sparse loop does not record.
        assertFalse(SparseChartPCFGParser.exactUnder(withDependencies));
        Options lengthNormalized = new Options();
        lengthNormalized.doDep = false;
        lengthNormalized.testOptions.lengthNormalization = true;
        assertNotSparse(lengthNormalized);
        Options multiTokenTags = new Options();
        multiTokenTags.doDep = false;
        multiTokenTags.testOptions.maxSpanForTags = 2;
        assertNotSparse(multiTokenTags);
        assertTrue(SparseChartLexicalizedParser.supports(parser), "the English PCFG is PCFG only");
    }

    @Test
    void thePipelinesScorerFillsItsChartsWithTheSparseLoopForTheDefaultParser() {
        String parseModel = PipelineConfig.defaults().sentiment().parseModel();
        assertTrue(SentimentModel.usesSparseChart(parseModel, 80));
        long sparseBefore = SparseChartPCFGParser.chartsFilled(true);
        long fallbackBefore = SparseChartPCFGParser.chartsFilled(false);
        for (String sentence : SENTENCES) {
            assertEquals(5, SentimentModel.score(words(sentence), parseModel, 80).length, sentence);
        }
        assertEquals(SENTENCES.size(), SparseChartPCFGParser.chartsFilled(true) - sparseBefore);
        assertEquals(0L, SparseChartPCFGParser.chartsFilled(false) - fallbackBefore);
    }

    private static void assertNotSparse(Options options) {
        LexicalizedParser other = new LexicalizedParser(
                parser.lex,
                parser.bg,
                parser.ug,
                parser.dg,
                parser.stateIndex,
                parser.wordIndex,
                parser.tagIndex,
                options);
        assertFalse(SparseChartLexicalizedParser.supports(other));
        assertSame(other, SparseChartLexicalizedParser.of(other));
    }

    private static String bestTree(ParserQuery query, String sentence) {
        assertTrue(query.parse(SentenceUtils.toCoreLabelList(words(sentence).toArray(new String[0]))), sentence);
        return query.getBestParse().toString() + " " + query.getPCFGScore();
    }

    private static List<String> words(String sentence) {
        return SentimentModel.split(sentence).get(0).words();
    }

    private static float[][][] copy(float[][][] chart, int length) {
        float[][][] out = new float[length][length + 1][];
        for (int start = 0; start < length; start++) {
            for (int end = start + 1; end <= length; end++) {
                out[start][end] = chart[start][end].clone();
            }
        }
        return out;
    }

    private static int[] bits(float[] cell) {
        int[] out = new int[cell.length];
        for (int i = 0; i < cell.length; i++) {
            out[i] = Float.floatToIntBits(cell[i]);
        }
        return out;
    }
}
