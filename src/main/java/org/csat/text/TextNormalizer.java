package org.csat.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalization used wherever text is compared rather than read: lower case,
 * accents removed (é -> e, ö -> o, ß -> ss), every run of characters that is not a letter
 * or digit turned into one space, trimmed. "Can I talk to a HUMAN?!" and
 * "can i talk to a human" normalize alike, so phrase lists need one spelling per phrase.
 */
public final class TextNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace("ß", "ss"), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
