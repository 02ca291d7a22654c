package edu.stanford.nlp.parser.lexparser;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import edu.stanford.nlp.parser.common.ParserConstraint;
import edu.stanford.nlp.util.RuntimeInterruptedException;

/**
 * CoreNLP's exhaustive PCFG parser with a faster, exact way of filling the chart. It lives in
 * CoreNLP's package because the method it replaces, {@code doInsideScores}, is package-private.
 *
 * <p>CoreNLP fills a chart cell by looping over every grammar state (25,693 in the English
 * PCFG) as a possible left child, then as a right child, and for each binary rule over the
 * split points where both children might exist; then, for every state present in the cell, it
 * applies the closed unary rules, in state order, updating the cell in place. Most states are
 * absent from most cells, and the rules are objects reached through pointers. This parser walks
 * the split points instead, and at each one only the states present in the left sub-cell that
 * start a binary rule (a list kept per cell), looking up each rule's right child in the right
 * sub-cell; its unary pass is CoreNLP's, in the same state order, over the states that start a
 * unary rule; both read rules from arrays of primitives ({@link Rules}). A cell's score for a
 * state is first the maximum, over rules and split points, of the same float sum
 * {@code rule + left + right} CoreNLP computes, and a maximum does not depend on the order it
 * is taken in; the unary pass then sees the same values in the same order. So the chart, the
 * best tree and its score are the same to the bit (checked cell by cell against CoreNLP's loop
 * in {@code SparseChartPCFGParserTest}), and the span extents CoreNLP keeps for pruning are
 * recorded as it records them.
 *
 * <p>It falls back to CoreNLP's loop where that equality is not proven: parser constraints,
 * length-normalized scores, and tags spanning several tokens. An empty list of constraints is
 * no constraint: CoreNLP's parser query sets one whenever it is given none, as CoreNLP's parser
 * annotator does for every sentence, and its loop then checks nothing.
 * {@link SparseChartLexicalizedParser} installs it only for PCFG-only parsers (no dependency
 * grammar, which reads the chart through other structures).
 */
public class SparseChartPCFGParser extends ExhaustivePCFGParser {
    private static final LongAdder SPARSE_CHARTS = new LongAdder();
    private static final LongAdder CORENLP_CHARTS = new LongAdder();

    private final Rules rules;

    /**
     * By [start][end], for each completed cell: the states present in it that are the left
     * child of a binary rule (null for cells CoreNLP never fills: ending at the boundary but
     * not starting at 0), and whether any state is present. Rebuilt for every sentence.
     */
    private int[][][] leftChildren;
    private boolean[][] nonEmpty;
    private int[] scratch;

    /** A parser sharing {@code stock}'s grammar, lexicon, options and indexes. */
    SparseChartPCFGParser(ExhaustivePCFGParser stock, Rules rules) {
        super(stock.bg, stock.ug, stock.lex, stock.op, stock.stateIndex, stock.wordIndex, stock.tagIndex);
        this.rules = rules;
    }

    /**
     * A grammar's rules as parallel arrays of primitives, so that the inner loops read arrays
     * in order instead of following a pointer per rule: binary rules grouped by left child
     * (right child, parent, score; sorted by right child), closed unary rules by child. Built
     * once per grammar, shared read-only by all queries.
     */
    static final class Rules {
        final int[][] rightChild;
        final int[][] parent;
        final float[][] score;
        /** States that are the child of a closed unary rule, ascending: the unary pass's order. */
        final int[] unaryChildren;
        final int[][] unaryParent;
        final float[][] unaryScore;

        Rules(BinaryGrammar grammar, UnaryGrammar unaries, int numStates) {
            rightChild = new int[numStates][];
            parent = new int[numStates][];
            score = new float[numStates][];
            for (int state = 0; state < numStates; state++) {
                BinaryRule[] rules = grammar.ruleListByLeftChild(state).toArray(new BinaryRule[0]);
                Arrays.sort(rules, Comparator.comparingInt((BinaryRule rule) -> rule.rightChild)
                        .thenComparingInt(rule -> rule.parent));
                rightChild[state] = new int[rules.length];
                parent[state] = new int[rules.length];
                score[state] = new float[rules.length];
                for (int i = 0; i < rules.length; i++) {
                    rightChild[state][i] = rules[i].rightChild;
                    parent[state][i] = rules[i].parent;
                    score[state][i] = rules[i].score;
                }
            }
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

    /** Whether this parser fills charts with the sparse loop under {@code options}. */
    static boolean exactUnder(Options options) {
        return !options.testOptions.lengthNormalization && options.testOptions.maxSpanForTags <= 1;
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
        nonEmpty = new boolean[length][length + 1];
        if (scratch == null) {
            scratch = new int[numStates];
        }
        for (int start = 0; start < length; start++) {
            completed(start, start + 1, false);
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
        nonEmpty = null;
    }

    private void fillCell(int start, int end) {
        float[] cell = iScore[start][end];
        for (int split = start + 1; split < end; split++) {
            int[] leftStates = leftChildren[start][split];
            if (leftStates == null || leftStates.length == 0 || !nonEmpty[split][end]) {
                continue;
            }
            float[] left = iScore[start][split];
            float[] right = iScore[split][end];
            for (int leftState : leftStates) {
                float leftScore = left[leftState];
                int[] rightChild = rules.rightChild[leftState];
                int[] parent = rules.parent[leftState];
                float[] score = rules.score[leftState];
                for (int rule = 0; rule < rightChild.length; rule++) {
                    float rightScore = right[rightChild[rule]];
                    if (rightScore == Float.NEGATIVE_INFINITY) {
                        continue;
                    }
                    // The same sum, in the same order, as CoreNLP's pS + lS + rS.
                    float total = score[rule] + leftScore + rightScore;
                    if (total > cell[parent[rule]]) {
                        cell[parent[rule]] = total;
                    }
                }
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
        completed(start, end, true);
    }

    /** CoreNLP's extent bookkeeping for a state first found over [start, end). */
    private void recordExtents(int start, int end, int state) {
        if (start > narrowLExtent[end][state]) {
            narrowLExtent[end][state] = wideLExtent[end][state] = start;
        } else if (start < wideLExtent[end][state]) {
            wideLExtent[end][state] = start;
        }
        if (end < narrowRExtent[start][state]) {
            narrowRExtent[start][state] = wideRExtent[start][state] = end;
        } else if (end > wideRExtent[start][state]) {
            wideRExtent[start][state] = end;
        }
    }

    /** Lists a completed cell's states for the cells above it, and records their extents if asked. */
    private void completed(int start, int end, boolean recordExtents) {
        float[] cell = iScore[start][end];
        int count = 0;
        boolean any = false;
        for (int state = 0; state < numStates; state++) {
            if (cell[state] != Float.NEGATIVE_INFINITY) {
                any = true;
                if (recordExtents) {
                    recordExtents(start, end, state);
                }
                if (rules.rightChild[state].length > 0) {
                    scratch[count++] = state;
                }
            }
        }
        leftChildren[start][end] = Arrays.copyOf(scratch, count);
        nonEmpty[start][end] = any;
    }
}
