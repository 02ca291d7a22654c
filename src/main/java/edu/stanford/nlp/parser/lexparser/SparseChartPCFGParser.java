package edu.stanford.nlp.parser.lexparser;

import java.util.List;

import edu.stanford.nlp.parser.common.ParserConstraint;
import edu.stanford.nlp.util.RuntimeInterruptedException;

/**
 * CoreNLP's exhaustive PCFG parser with a faster, exact way of filling the chart. It lives in
 * CoreNLP's package because the method it replaces, {@code doInsideScores}, is package-private.
 *
 * <p>CoreNLP fills a chart cell by looping over every grammar state as a possible left child
 * (then every state as a right child) and, for each binary rule, over the split points where
 * both children might exist. Most of the ~25,000 states are absent from most cells, so most
 * of that work finds nothing. This parser instead walks the split points, and at each one only
 * the states present in the left sub-cell (a list kept per cell), looking up the right child of
 * each of their rules in the right sub-cell. A cell's score for a state is the maximum, over
 * rules and split points, of the same float sum {@code rule + left + right} CoreNLP computes,
 * and a maximum does not depend on the order it is taken in; the unary pass that follows is
 * CoreNLP's own, in the same state order. So the chart, the best tree and its score are the
 * same to the bit (checked table by table in {@code SparseChartPCFGParserTest}); the span
 * extents CoreNLP keeps for pruning are filled as it fills them.
 *
 * <p>It falls back to CoreNLP's loop where that equality is not proven: parser constraints,
 * length-normalized scores, and tags spanning several tokens.
 * {@link SparseChartLexicalizedParser} installs it only for PCFG-only parsers (no dependency
 * grammar, which reads the chart through other structures).
 */
public class SparseChartPCFGParser extends ExhaustivePCFGParser {
    private final BinaryRule[][] rulesByLeftChild;

    /** States present in each completed cell, by [start][end]; rebuilt for every sentence. */
    private int[][][] present;

    /** A parser sharing {@code stock}'s grammar, lexicon, options and indexes. */
    SparseChartPCFGParser(ExhaustivePCFGParser stock, BinaryRule[][] rulesByLeftChild) {
        super(stock.bg, stock.ug, stock.lex, stock.op, stock.stateIndex, stock.wordIndex, stock.tagIndex);
        this.rulesByLeftChild = rulesByLeftChild;
    }

    /** Every binary rule of {@code grammar}, indexed by its left child. */
    static BinaryRule[][] rulesByLeftChild(BinaryGrammar grammar, int numStates) {
        BinaryRule[][] rules = new BinaryRule[numStates][];
        for (int state = 0; state < numStates; state++) {
            rules[state] = grammar.ruleListByLeftChild(state).toArray(new BinaryRule[0]);
        }
        return rules;
    }

    /** Whether this parser fills charts with the sparse loop under {@code options}. */
    static boolean exactUnder(Options options) {
        return !options.testOptions.lengthNormalization && options.testOptions.maxSpanForTags <= 1;
    }

    @Override
    void doInsideScores() {
        List<ParserConstraint> constraints = getConstraints();
        if (constraints != null || !exactUnder(op)) {
            super.doInsideScores();
            return;
        }
        present = new int[length][length + 1][];
        for (int start = 0; start < length; start++) {
            present[start][start + 1] = presentStates(iScore[start][start + 1]);
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
        present = null;
    }

    private void fillCell(int start, int end) {
        float[] cell = iScore[start][end];
        for (int split = start + 1; split < end; split++) {
            int[] leftStates = present[start][split];
            int[] rightStates = present[split][end];
            // A cell CoreNLP never fills (ending at the boundary but not starting at 0) is null.
            if (leftStates == null || rightStates == null || leftStates.length == 0 || rightStates.length == 0) {
                continue;
            }
            float[] left = iScore[start][split];
            float[] right = iScore[split][end];
            for (int leftState : leftStates) {
                float leftScore = left[leftState];
                for (BinaryRule rule : rulesByLeftChild[leftState]) {
                    float rightScore = right[rule.rightChild];
                    if (rightScore == Float.NEGATIVE_INFINITY) {
                        continue;
                    }
                    float total = rule.score + leftScore + rightScore;
                    if (total > cell[rule.parent]) {
                        cell[rule.parent] = total;
                    }
                }
            }
        }
        for (int state = 0; state < numStates; state++) {
            float childScore = cell[state];
            if (childScore == Float.NEGATIVE_INFINITY) {
                continue;
            }
            for (UnaryRule rule : ug.closedRulesByChild(state)) {
                float total = childScore + rule.score;
                if (total > cell[rule.parent]) {
                    cell[rule.parent] = total;
                }
            }
        }
        int[] states = presentStates(cell);
        for (int state : states) {
            recordExtents(start, end, state);
        }
        present[start][end] = states;
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

    private int[] presentStates(float[] cell) {
        int count = 0;
        for (int state = 0; state < numStates; state++) {
            if (cell[state] != Float.NEGATIVE_INFINITY) {
                count++;
            }
        }
        int[] states = new int[count];
        count = 0;
        for (int state = 0; state < numStates; state++) {
            if (cell[state] != Float.NEGATIVE_INFINITY) {
                states[count++] = state;
            }
        }
        return states;
    }
}
