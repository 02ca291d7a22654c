package org.csat.generate;

import java.util.Locale;

/**
 * Makes a customer's wording look typed: lowercase without punctuation, swapped,
 * dropped or doubled letters, shouting caps and emoji, at rates set by the customer's
 * {@link WritingStyle} and by the tone of the message (only an angry message shouts, and
 * the emoji matches the tone). Tokens holding digits, {@code @} or {@code #}
 * (order numbers, e-mails, card numbers, handles) are left exactly as they are.
 */
final class TextNoise {
    private static final String[] CALM_EMOJI = {"🙂", "🙏", "👍", "😊"};
    private static final String[] ANNOYED_EMOJI = {"🙄", "😕", "😤"};
    private static final String[] ANGRY_EMOJI = {"😡", "🤬", "😠"};

    private TextNoise() {}

    static String apply(String text, WritingStyle style, Mood tone, Dice dice) {
        boolean lower =
                style == WritingStyle.CASUAL ? dice.chance(0.7) : style == WritingStyle.SLOPPY && dice.chance(0.5);
        boolean shout = tone == Mood.ANGRY && dice.chance(0.2);
        double typoRate = style == WritingStyle.SLOPPY ? 0.08 : style == WritingStyle.NEAT ? 0.01 : 0.03;
        StringBuilder out = new StringBuilder(text.length() + 4);
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            out.append(noisyToken(text.substring(start, end), lower, shout, typoRate, dice));
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                out.append(text.charAt(end));
                end++;
            }
            start = end;
        }
        String noisy = out.toString().strip();
        double emojiRate = style == WritingStyle.EMOJI ? 0.5 : 0.06;
        if (!noisy.isEmpty() && dice.chance(emojiRate)) {
            noisy = noisy + " " + emojiFor(tone, dice);
        }
        return noisy.isEmpty() ? text : noisy;
    }

    private static String noisyToken(String token, boolean lower, boolean shout, double typoRate, Dice dice) {
        if (isVerbatim(token)) {
            return token;
        }
        String word = token;
        if (lower) {
            word = stripPunctuation(word.toLowerCase(Locale.ROOT));
        }
        if (shout) {
            word = word.toUpperCase(Locale.ROOT);
        }
        if (word.length() >= 4 && isLetters(word) && dice.chance(typoRate)) {
            word = typo(word, dice);
        }
        return word;
    }

    /** One keyboard slip: two neighbours swapped, a letter dropped or a letter doubled. */
    static String typo(String word, Dice dice) {
        int at = dice.between(1, word.length() - 2);
        StringBuilder out = new StringBuilder(word);
        switch (dice.between(0, 2)) {
            case 0 -> {
                char here = out.charAt(at);
                out.setCharAt(at, out.charAt(at + 1));
                out.setCharAt(at + 1, here);
            }
            case 1 -> out.deleteCharAt(at);
            default -> out.insert(at, out.charAt(at));
        }
        return out.toString();
    }

    static String emojiFor(Mood tone, Dice dice) {
        return switch (tone) {
            case CALM -> dice.pick(CALM_EMOJI);
            case ANNOYED -> dice.pick(ANNOYED_EMOJI);
            case ANGRY -> dice.pick(ANGRY_EMOJI);
        };
    }

    private static boolean isVerbatim(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c) || c == '@' || c == '#' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String stripPunctuation(String word) {
        int end = word.length();
        while (end > 0 && ".,!;:".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == 0 ? word : word.substring(0, end);
    }
}
