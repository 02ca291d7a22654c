package org.csat.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text being redacted: the original, and a copy made for matching that knows where each of
 * its characters came from. The copy is normalized the way people disguise or mangle personal
 * data without meaning to: compatibility forms become plain ones (NFKC per character: full-width
 * digits and letters, {@code ＠}), digits of other scripts become ASCII digits, format characters
 * (zero-width joiners, soft hyphens, byte-order marks) are dropped, a zero-width space is a space,
 * and every run of white space (no-break and narrow spaces included) is one space. Patterns run on the copy in
 * turn; what one finds is masked in the copy (so no later pattern sees it again) and recorded
 * as a span of the original, which is replaced by its placeholder at the end. So an e-mail
 * glued to a zero-width space or a card typed in full-width digits is found, while everything
 * outside the spans stays exactly as it was written.
 */
final class RedactionText {
    /** What a masked character reads as: neither letter, digit, space nor any pattern's punctuation. */
    static final char MASK = '\u0000';

    private record Span(int start, int end, String placeholder) {}

    private final String original;
    private final char[] copy;
    /** Where in the original each character of the copy starts and ends. */
    private final int[] from;

    private final int[] to;
    private final List<Span> spans = new ArrayList<>();

    RedactionText(String original) {
        this.original = original;
        StringBuilder copy = new StringBuilder(original.length());
        int[] from = new int[original.length()];
        int[] to = new int[original.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String plain = plain(cp);
            if (plain.equals(" ")) {
                if (space) {
                    to[n - 1] = next; // one space stands for the whole run
                    i = next;
                    continue;
                }
                space = true;
            } else if (!plain.isEmpty()) {
                space = false;
            }
            for (int k = 0; k < plain.length(); k++) {
                if (n == from.length) {
                    from = java.util.Arrays.copyOf(from, n * 2 + 8);
                    to = java.util.Arrays.copyOf(to, n * 2 + 8);
                }
                copy.append(plain.charAt(k));
                from[n] = i;
                to[n] = next;
                n++;
            }
            i = next;
        }
        this.copy = copy.toString().toCharArray();
        this.from = from;
        this.to = to;
    }

    /** The normalized text with every span found so far masked. */
    String text() {
        return new String(copy);
    }

    /**
     * Marks each match of {@code pattern} in the current copy: {@code region} returns the part of
     * the match to redact as {@code {start, end}} in copy coordinates, or null to keep it (the
     * search then resumes one character after the match's start, so a shorter candidate inside
     * it can still be found). The marked parts are masked once the pattern has run.
     */
    void mark(Pattern pattern, Function<MatchResult, int[]> region, String placeholder) {
        String text = text();
        Matcher m = pattern.matcher(text);
        List<int[]> found = new ArrayList<>();
        int at = 0;
        while (at <= text.length() && m.find(at)) {
            int[] part = region.apply(m.toMatchResult());
            if (part == null || part[1] <= part[0]) {
                at = m.start() + 1;
                continue;
            }
            found.add(part);
            at = Math.max(m.end(), m.start() + 1);
        }
        for (int[] part : found) {
            mark(part[0], part[1], placeholder);
        }
    }

    /** Marks copy characters {@code [start, end)} for redaction with {@code placeholder}. */
    void mark(int start, int end, String placeholder) {
        spans.add(new Span(from[start], to[end - 1], placeholder));
        java.util.Arrays.fill(copy, start, end, MASK);
    }

    /** Whether anything was marked. */
    boolean changed() {
        return !spans.isEmpty();
    }

    /** The original with each marked span replaced by its placeholder (overlapping spans become one). */
    String redacted() {
        return redacted(0, original.length());
    }

    /**
     * The part {@code [start, end)} of the original, redacted: a span reaching into it from
     * outside (personal data split over two messages joined into one text) puts its placeholder
     * in this part too.
     */
    String redacted(int start, int end) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(end - start);
        int copied = start;
        for (Span s : sorted) {
            int spanStart = Math.max(s.start(), start);
            int spanEnd = Math.min(s.end(), end);
            if (spanEnd <= spanStart || spanEnd <= copied) {
                continue;
            }
            if (spanStart >= copied) {
                out.append(original, copied, spanStart).append(s.placeholder());
            }
            copied = spanEnd;
        }
        return out.append(original, copied, end).toString();
    }

    /** One code point as the copy holds it: plain form, "" to drop it, " " for white space. */
    private static String plain(int cp) {
        if (cp < 0x80) {
            return Character.isWhitespace(cp) ? " " : String.valueOf((char) cp);
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        if (cp == 0x200B) {
            return " "; // a zero-width space separates words, as a space does
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return ""; // joiners, soft hyphens, marks: inside a word, as if absent
        }
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return String.valueOf((char) ('0' + Character.digit(cp, 10)));
        }
        String plain = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        return plain.isBlank() ? " " : plain;
    }
}
