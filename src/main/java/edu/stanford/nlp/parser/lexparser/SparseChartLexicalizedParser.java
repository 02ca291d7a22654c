package edu.stanford.nlp.parser.lexparser;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.common.ParserQuery;
import edu.stanford.nlp.util.DeltaIndex;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * A loaded {@link LexicalizedParser} whose queries parse with {@link SparseChartPCFGParser}:
 * same grammar, lexicon and options, same trees and scores, less time. {@link #of} wraps a
 * parser only where that is exact and possible (PCFG only, no reranker, CoreNLP's chart loop
 * not configured otherwise, and this class in the same runtime package as CoreNLP's, which a
 * cluster that loads CoreNLP and the job's jar through different class loaders would break);
 * otherwise it returns the parser unchanged, which parses as CoreNLP always does.
 *
 * <p>The PCFG parser of a {@link LexicalizedParserQuery} is built in its constructor, in a
 * private final field; each query gets its own, as in CoreNLP, and this class replaces it by
 * reflection before the query is used.
 */
public final class SparseChartLexicalizedParser extends LexicalizedParser {
    private static final long serialVersionUID = 1L;
    private static final Field QUERY_PCFG_PARSER = queryPcfgParserField();
    private static final AtomicBoolean SPLIT_REPORTED = new AtomicBoolean();

    private final transient SparseChartPCFGParser.Rules rules;

    private SparseChartLexicalizedParser(LexicalizedParser base) {
        super(base.lex, base.bg, base.ug, base.dg, base.stateIndex, base.wordIndex, base.tagIndex, base.getOp());
        this.rules = new SparseChartPCFGParser.Rules(base.bg, base.ug, base.stateIndex.size());
    }

    /** {@code parser} parsing with the sparse chart loop, or {@code parser} itself where that is not exact. */
    public static LexicalizedParser of(LexicalizedParser parser) {
        if (parser instanceof SparseChartLexicalizedParser || !supports(parser)) {
            return parser;
        }
        return new SparseChartLexicalizedParser(parser);
    }

    /**
     * Whether {@link #of} gives {@code parser} the sparse chart loop. The class loaders are
     * compared first, before anything touches {@link SparseChartPCFGParser}: in another loader's
     * copy of this package, linking that class fails the JVM's verifier ({@code VerifyError: Bad
     * access to protected data}), since it reads protected fields of CoreNLP's chart parser.
     */
    public static boolean supports(LexicalizedParser parser) {
        if (!sameRuntimePackageAsCoreNlp()) {
            return false;
        }
        Options options = parser.getOp();
        return QUERY_PCFG_PARSER != null
                && parser.reranker == null
                && options.doPCFG
                && !options.doDep
                && !options.testOptions.iterativeCKY
                && SparseChartPCFGParser.exactUnder(options);
    }

    /**
     * Whether this class and CoreNLP's parser share a class loader, and so a runtime package. Not
     * when CoreNLP is also on a cluster's own class path (a cluster-wide library): the cluster's
     * loader then serves CoreNLP, and the job jar's loader this class. Said once per JVM, with
     * what to do about it.
     */
    private static boolean sameRuntimePackageAsCoreNlp() {
        ClassLoader ours = SparseChartLexicalizedParser.class.getClassLoader();
        ClassLoader coreNlps = LexicalizedParser.class.getClassLoader();
        if (ours == coreNlps) {
            return true;
        }
        if (!SPLIT_REPORTED.getAndSet(true)) {
            LoggerFactory.getLogger(SparseChartLexicalizedParser.class)
                    .warn(
                            "CoreNLP's parser comes from another class loader ({}) than the job jar's classes in its"
                                    + " package ({}), as when CoreNLP is also on the cluster's class path: parsing"
                                    + " uses CoreNLP's own chart loop (the same trees and scores, about half the"
                                    + " speed). To get the sparse loop back, take CoreNLP off the cluster's class"
                                    + " path",
                            coreNlps,
                            ours);
        }
        return false;
    }

    /**
     * A chart parser over {@code parser}'s grammar, lexicon and options: CoreNLP's own, or one
     * with the sparse loop. For benchmarks and checks that compare the two loops directly (it
     * parses a sentence given with the boundary symbol a parser query appends). As in a query,
     * words new to the parser go into an index of its own, not into {@code parser}'s.
     */
    public static ExhaustivePCFGParser chartParser(LexicalizedParser parser, boolean sparse) {
        ExhaustivePCFGParser stock = new ExhaustivePCFGParser(
                parser.bg,
                parser.ug,
                parser.lex,
                parser.getOp(),
                parser.stateIndex,
                new DeltaIndex<>(parser.wordIndex),
                parser.tagIndex);
        if (!sparse) {
            return stock;
        }
        return new SparseChartPCFGParser(
                stock, new SparseChartPCFGParser.Rules(parser.bg, parser.ug, parser.stateIndex.size()));
    }

    /**
     * {@code words} as a parser query hands them to its chart parser: one label per word
     * (1-based index), then the boundary symbol; the input of {@link #chartParser}'s parse.
     */
    public static List<CoreLabel> chartInput(List<String> words) {
        List<CoreLabel> labels = new ArrayList<>(words.size() + 1);
        for (String word : words) {
            CoreLabel label = new CoreLabel();
            label.setWord(word);
            label.setValue(word);
            label.setIndex(labels.size() + 1);
            labels.add(label);
        }
        CoreLabel boundary = new CoreLabel();
        boundary.setWord(Lexicon.BOUNDARY);
        boundary.setValue(Lexicon.BOUNDARY);
        boundary.setTag(Lexicon.BOUNDARY_TAG);
        boundary.setIndex(labels.size() + 1);
        labels.add(boundary);
        return labels;
    }

    @Override
    public ParserQuery parserQuery() {
        return lexicalizedParserQuery();
    }

    @Override
    public LexicalizedParserQuery lexicalizedParserQuery() {
        LexicalizedParserQuery query = new LexicalizedParserQuery(this);
        try {
            ExhaustivePCFGParser stock = (ExhaustivePCFGParser) QUERY_PCFG_PARSER.get(query);
            QUERY_PCFG_PARSER.set(query, new SparseChartPCFGParser(stock, rules));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot install the sparse chart parser in a CoreNLP parser query", e);
        }
        return query;
    }

    private static Field queryPcfgParserField() {
        try {
            Field field = LexicalizedParserQuery.class.getDeclaredField("pparser");
            field.setAccessible(true);
            return field.getType() == ExhaustivePCFGParser.class ? field : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
