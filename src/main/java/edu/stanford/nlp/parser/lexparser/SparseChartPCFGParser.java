package edu.stanford.nlp.parser.lexparser;

import edu.stanford.nlp.parser.common.ParserConstraint;
import edu.stanford.nlp.util.RuntimeInterruptedException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * CoreNLP's exhaustive PCFG parser with a faster, exact way of filling the chart. It lives in
 * CoreNLP's package because the method it replaces, {@code doInsideScores}, is package-private.
 *
 * <p>CoreNLP fills a chart cell by looping over every grammar state (25,693 in the English
 * PCFG) as a possible left child, then as a right child, and for each binary rule over the
 * split points where both children might exist; then, for every state present in the cell, it
 * applies the closed unary rules, in state order, updating the cell in place. Most states are
 * absent from most cells, and the rules are objects reached through pointers. This parser walks
 * the split points instead, and at each one the binary rules of the states present in one
 * sub-cell, the left or the right one, whichever has fewer rules to walk; it reads the other
 * child's score straight from the other sub-cell, without testing whether it is present (an
 * absent state scores negative infinity, and so does the sum). Its unary pass is CoreNLP's, in
 * the same state order, over the states that start a unary rule. Rules are read from arrays of
 * primitives ({@link Rules}). A cell's score for a state is first the maximum, over rules and
 * split points, of the same float sum {@code rule + left + right} CoreNLP computes, and a
 * maximum does not depend on the order it is taken in; the unary pass then sees the same values
 * in the same order. So the chart, the best tree and its score are the same to the bit
 * (checked cell by cell against CoreNLP's loop in {@code SparseChartPCFGParserTest}).
 *
 * <p>It does not record the span extents CoreNLP's loop keeps beside the chart: only that loop
 * reads them, to prune its own search, and so does CoreNLP's outside pass, which runs only with
 * a dependency grammar ({@code doDep} without {@code useFastFactored}), where this parser falls
 * back. It also falls back to CoreNLP's loop where the equality above is not proven: parser
 * constraints, length-normalized scores, and tags spanning several tokens. An empty list of
 * constraints is no constraint: CoreNLP's parser query sets one whenever it is given none, as
 * CoreNLP's parser annotator does for every sentence, and its loop then checks nothing.
 * {@link SparseChartLexicalizedParser} installs it only for PCFG-only parsers.
 */
public class SparseChartPCFGParser extends ExhaustivePCFGParser {
    private static final LongAdder SPARSE_CHARTS = new LongAdder();
    private static final LongAdder CORENLP_CHARTS = new LongAdder();

    private final Rules rules;

    /**
     * By [start][end], for each completed cell with a state present (null for the others, and
     * for cells CoreNLP never fills: ending at the boundary but not starting at 0): the present
     * states that are the left child of a binary rule, and those that are the right child of
     * one; and how many binary rules have a present state as left child, and as right child
     * (the work of a loop driven by that side). Rebuilt for every sentence.
     */
    private int[][][] leftChildren;

    private int[][][] rightChildren;
    private long[][] leftWork;
    private long[][] rightWork;
    private int[] leftScratch;
    private int[] rightScratch;

    /** A parser sharing {@code stock}'s grammar, lexicon, options and indexes. */
    SparseChartPCFGParser(ExhaustivePCFGParser stock, Rules rules) {
        super(stock.bg, stock.ug, stock.lex, stock.op, stock.stateIndex, stock.wordIndex, stock.tagIndex);
        this.rules = rules;
    }

    /**
     * A grammar's rules as arrays of primitives, so that the inner loops read memory in order
     * instead of following a pointer per rule: binary rules grouped by left child and, again, by
     * right child; closed unary rules by child. Built once per grammar, shared read-only by all
     * queries.
     */
    static final class Rules {
        /** Binary rules by left child: {@code other} is the right child. */
        final BinaryRules byLeft;
        /** Binary rules by right child: {@code other} is the left child. */
        final BinaryRules byRight;
        /** States that are the child of a closed unary rule, ascending: the unary pass's order. */
        final int[] unaryChildren;

        final int[][] unaryParent;
        final float[][] unaryScore;

        Rules(BinaryGrammar grammar, UnaryGrammar unaries, int numStates) {
            byLeft = new BinaryRules(numStates, grammar::ruleListByLeftChild, rule -> rule.rightChild);
            byRight = new BinaryRules(numStates, grammar::ruleListByRightChild, rule -> rule.leftChild);
            unaryParent = new int[numStates][];
            unaryScore = new float[numStates][];
            int[] children = new int[numStates];
            int count = 0;
            for (int state = 0; state < numStates; state++) {
                UnaryRule[] rules = unaries.closedRulesByChild(state);
                unaryParent[state] = new int[rules.length];
                unaryScore[state] = new float[rules.length];
                for (int i = 0; i < rules.length; i++) {
                    unaryParent[state][i] = rules[i].parent;
                    unaryScore[state][i] = rules[i].score;
                }
                if (rules.length > 0) {
                    children[count++] = state;
                }
            }
            unaryChildren = Arrays.copyOf(children, count);
        }
    }

    /**
     * Binary rules grouped by one child, all groups in one run of arrays: the rules of state
     * {@code s} are {@code first[s]} to {@code first[s + 1]} (exclusive), sorted by their other
     * child, then by parent.
     */
    static final class BinaryRules {
        final int[] first;
        final int[] other;
        final int[] parent;
        final float[] score;

        BinaryRules(int numStates, IntFunction<List<BinaryRule>> rulesOf, ToIntFunction<BinaryRule> otherChild) {
            first = new int[numStates + 1];
            for (int state = 0; state < numStates; state++) {
                first[state + 1] = first[state] + rulesOf.apply(state).size();
            }
            other = new int[first[numStates]];
            parent = new int[first[numStates]];
            score = new float[first[numStates]];
            for (int state = 0; state < numStates; state++) {
                BinaryRule[] rules = rulesOf.apply(state).toArray(new BinaryRule[0]);
                Arrays.sort(rules, Comparator.comparingInt(otherChild).thenComparingInt(rule -> rule.parent));
                for (int i = 0; i < rules.length; i++) {
                    other[first[state] + i] = otherChild.applyAsInt(rules[i]);
                    parent[first[state] + i] = rules[i].parent;
                    score[first[state] + i] = rules[i].score;
                }
            }
        }

        int count(int state) {
            return first[state + 1] - first[state];
        }
    }

    /** Whether this parser fills charts with the sparse loop under {@code options}. */
    static boolean exactUnder(Options options) {
        return !options.testOptions.lengthNormalization
                && options.testOptions.maxSpanForTags <= 1
                && !(options.doDep && !options.testOptions.useFastFactored);
    }

    /**
     * How many charts parsers of this class have filled in this JVM with the sparse loop
     * ({@code true}) or, falling back, with CoreNLP's: for checks that the loop really runs.
     */
    public static long chartsFilled(boolean sparse) {
        return (sparse ? SPARSE_CHARTS : CORENLP_CHARTS).sum();
    }

    @Override
    void doInsideScores() {
        List<ParserConstraint> constraints = getConstraints();
        if ((constraints != null && !constraints.isEmpty()) || !exactUnder(op)) {
            CORENLP_CHARTS.increment();
            super.doInsideScores();
            return;
        }
        SPARSE_CHARTS.increment();
        leftChildren = new int[length][length + 1][];
        rightChildren = new int[length][length + 1][];
        leftWork = new long[length][length + 1];
        rightWork = new long[length][length + 1];
        if (leftScratch == null) {
            leftScratch = new int[numStates];
            rightScratch = new int[numStates];
        }
        for (int start = 0; start < length; start++) {
            completed(start, start + 1);
        }
        for (int diff = 2; diff <= length; diff++) {
            if (Thread.interrupted()) {
                throw new RuntimeInterruptedException();
            }
            // As CoreNLP: the boundary symbol only combines with the whole sentence.
            for (int start = 0; start < ((diff == length) ? 1 : length - diff); start++) {
                fillCell(start, start + diff);
            }
        }
        leftChildren = null;
        rightChildren = null;
        leftWork = null;
        rightWork = null;
    }

    private void fillCell(int start, int end) {
        float[] cell = iScore[start][end];
        for (int split = start + 1; split < end; split++) {
            if (leftChildren[start][split] == null || rightChildren[split][end] == null) {
                continue;
            }
            // Each binary rule with a child present is tried once, from the side with fewer rules.
            if (leftWork[start][split] <= rightWork[split][end]) {
                combine(cell, rules.byLeft, leftChildren[start][split], iScore[start][split], iScore[split][end], true);
            } else {
                combine(
                        cell,
                        rules.byRight,
                        rightChildren[split][end],
                        iScore[split][end],
                        iScore[start][split],
                        false);
            }
        }
        for (int child : rules.unaryChildren) {
            float childScore = cell[child];
            if (childScore == Float.NEGATIVE_INFINITY) {
                continue;
            }
            int[] parent = rules.unaryParent[child];
            float[] score = rules.unaryScore[child];
            for (int rule = 0; rule < parent.length; rule++) {
                float total = childScore + score[rule];
                if (total > cell[parent[rule]]) {
                    cell[parent[rule]] = total;
                }
            }
        }
        completed(start, end);
    }

    /**
     * Tries the binary rules of each state of {@code walked}, present in the sub-cell
     * {@code walkedCell}, with their other child's score in {@code otherCell}, keeping in
     * {@code cell} each parent's best score. An absent child's score is negative infinity, and
     * so is then the sum, which never raises a score: no test, so no mispredicted branch, for
     * the most frequent case of a child absent.
     */
    private static void combine(
            float[] cell,
            BinaryRules rules,
            int[] walked,
            float[] walkedCell,
            float[] otherCell,
            boolean walkedIsLeft) {
        int[] first = rules.first;
        int[] other = rules.other;
        int[] parent = rules.parent;
        float[] score = rules.score;
        for (int state : walked) {
            float stateScore = walkedCell[state];
            for (int rule = first[state], last = first[state + 1]; rule < last; rule++) {
                float otherScore = otherCell[other[rule]];
                // The same sum, in the same order, as CoreNLP's pS + lS + rS.
                float total =
                        walkedIsLeft ? score[rule] + stateScore + otherScore : score[rule] + otherScore + stateScore;
                int to = parent[rule];
                float best = cell[to];
                cell[to] = total > best ? total : best;
            }
        }
    }

    /** Lists a completed cell's states for the cells above it. */
    private void completed(int start, int end) {
        float[] cell = iScore[start][end];
        int lefts = 0;
        int rights = 0;
        long byLeft = 0;
        long byRight = 0;
        boolean any = false;
        for (int state = 0; state < numStates; state++) {
            if (cell[state] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            any = true;
            int asLeft = rules.byLeft.count(state);
            if (asLeft > 0) {
                leftScratch[lefts++] = state;
                byLeft += asLeft;
            }
            int asRight = rules.byRight.count(state);
            if (asRight > 0) {
                rightScratch[rights++] = state;
                byRight += asRight;
            }
        }
        if (!any) {
            return;
        }
        leftChildren[start][end] = Arrays.copyOf(leftScratch, lefts);
        rightChildren[start][end] = Arrays.copyOf(rightScratch, rights);
        leftWork[start][end] = byLeft;
        rightWork[start][end] = byRight;
    }
}
