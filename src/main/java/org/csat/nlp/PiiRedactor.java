package org.csat.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in free text with typed placeholders, so that text can leave the raw
 * layer: {@code <URL>} (links carrying personal tokens), {@code <EMAIL>}, {@code <IBAN>},
 * {@code <CARD>}, {@code <ID>} (national id numbers), {@code <PHONE>}, {@code <HANDLE>}, found
 * in that order. Patterns find candidates and checks confirm them wherever the identifier has
 * one (Luhn for cards, mod-97 and the country's length for IBANs, the national check digits
 * and birth dates for ids; see {@link PiiChecks}), so order numbers, dates, times, amounts
 * and Luhn-failing 16-digit numbers stay. Phone numbers have no checksum: a candidate counts
 * when it is international ({@code +} or {@code 00}), national with a trunk {@code 0} and 9-12
 * digits, North American ({@code (555) 123-4567}, {@code 555-123-4567}), or any 7-15 digit
 * run right after a word like "call", "phone" or "my number", and never right after an order/invoice/
 * tracking word or a currency. docs/reliability.md lists every pattern and its known limits.
 */
final class PiiRedactor {
    public static final String URL = "<URL>";
    public static final String EMAIL = "<EMAIL>";
    public static final String IBAN = "<IBAN>";
    public static final String CARD = "<CARD>";
    public static final String ID = "<ID>";
    public static final String PHONE = "<PHONE>";
    public static final String HANDLE = "<HANDLE>";
    public static final List<String> PLACEHOLDERS = List.of(URL, EMAIL, IBAN, CARD, ID, PHONE, HANDLE);

    private static final Pattern MAYBE_PII = Pattern.compile("[\\p{N}@]|(?i)www\\.|https?:|\\(at\\)|\\[at\\]");
    private static final Pattern URL_CANDIDATE = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'`]+");
    private static final Pattern EMAIL_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+(?:@|\\s?[\\[(]at[\\])]\\s?)"
                    + "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.|\\s?[\\[(]dot[\\])]\\s?))+\\p{L}{2,24}(?![\\p{L}\\p{N}])");
    private static final Pattern IBAN_START =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?=[ -]?[A-Za-z0-9])");
    private static final Pattern CARD_CANDIDATE = Pattern.compile("(?<![\\p{N}+.,])\\d(?:[ -]?\\d){12,22}(?![\\p{N}])");
    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@#/.,+-])(?:(?:\\+|00)\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{1,12}(?:[ .-]\\d{1,12}){0,6}(?![\\p{L}\\p{N}_])");
    private static final Pattern NANP = Pattern.compile("\\d{3}([ .-])\\d{3}\\1\\d{4}");
    private static final Pattern DATE_START =
            Pattern.compile("^(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2})");
    private static final Pattern PHONE_WORD =
            Pattern.compile("(?i)\\b(?:phone|tel|mobile|cell|call|text|sms|whatsapp|ring|reach|"
                    + "telefon|handy|mob|portable|móvil|movil|(?:my|mein|meine|mon|mi|min|mitt) (?:number|nummer|numéro|numero|número))"
                    + "\\W{0,12}(?:\\p{L}+\\W{1,3}){0,2}$");
    private static final Pattern NOT_PHONE_WORD =
            Pattern.compile("(?i)(?:\\b(?:order|ord|invoice|ref|reference|tracking|booking|"
                    + "ticket|case|parcel|shipment|bestellung|bestellnummer|commande|pedido|ordine|sendung|item|sku|"
                    + "eur|usd|gbp|sek|nok|dkk|chf|kr)|[$€£¥])\\W{0,14}(?:\\p{L}+\\W{1,3}){0,2}$");
    private static final Pattern HANDLE_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\\p{L}\\p{N}_@])");

    private PiiRedactor() {}

    /** The text with personal data replaced by placeholders; null stays null. */
    public static String redact(String text) {
        if (text == null || !MAYBE_PII.matcher(text).find()) {
            return text;
        }
        String out = replace(URL_CANDIDATE, text, PiiRedactor::url);
        out = replace(EMAIL_CANDIDATE, out, m -> EMAIL);
        out = ibans(out);
        out = replace(CARD_CANDIDATE, out, PiiRedactor::card);
        out = NationalIds.redact(out);
        String phonesFrom = out;
        out = replace(PHONE_CANDIDATE, out, m -> phone(phonesFrom, m));
        return replace(HANDLE_CANDIDATE, out, m -> HANDLE);
    }

    /**
     * Replaces each match by what {@code replacement} returns for it: a string, or null to keep
     * the match (then the search resumes one character after its start, so a shorter
     * candidate inside it can still be found).
     */
    static String replace(Pattern pattern, String text, Function<MatchResult, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            String with = replacement.apply(m.toMatchResult());
            if (with == null) {
                from = m.start() + 1;
                continue;
            }
            out.append(text, copied, m.start()).append(with);
            copied = m.end();
            from = m.end();
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** A link with something personal in it: user info, an @, a query or token fragment, a token-like or profile path. */
    private static String url(MatchResult m) {
        String url = m.group().replaceFirst("[.,;:!?)\\]}'\"]+$", "");
        String rest = url.replaceFirst("(?i)^https?://", "");
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash))
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^www\\.", "");
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        boolean personal = rest.contains("@")
                || rest.matches("(?s).*\\?.*=.+")
                || rest.matches("(?s).*#.*=.+")
                || (host.matches(
                                "(?:.*\\.)?(?:facebook\\.com|fb\\.com|instagram\\.com|twitter\\.com|x\\.com|linkedin\\.com|"
                                        + "tiktok\\.com|t\\.me|wa\\.me|threads\\.net|snapchat\\.com)")
                        && !path.isBlank());
        for (String segment : path.split("[/?#&=]")) {
            boolean letters = segment.chars().anyMatch(Character::isLetter);
            boolean digits = segment.chars().anyMatch(Character::isDigit);
            personal |= (segment.length() >= 12 && letters && digits) || segment.matches("[A-Za-z0-9_-]{24,}");
        }
        return personal ? URL + m.group().substring(url.length()) : null;
    }

    private static String ibans(String text) {
        Matcher start = IBAN_START.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = 0;
        while (start.find(from)) {
            Integer length =
                    PiiChecks.IBAN_LENGTHS.get(start.group().substring(0, 2).toUpperCase(Locale.ROOT));
            int end = length == null ? -1 : ibanEnd(text, start.start(), length);
            if (end < 0) {
                from = start.start() + 1;
                continue;
            }
            out.append(text, copied, start.start()).append(IBAN);
            copied = end;
            from = end;
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where an IBAN of {@code length} characters starting at {@code at} ends, or -1 when there is none. */
    private static int ibanEnd(String text, int at, int length) {
        StringBuilder iban = new StringBuilder(length);
        int i = at;
        while (i < text.length() && iban.length() < length) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                iban.append(c);
            } else if (!((c == ' ' || c == '-')
                    && iban.length() >= 4
                    && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i + 1)))) {
                return -1;
            }
            i++;
        }
        boolean boundary = i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
        return iban.length() == length && boundary && PiiChecks.iban(iban.toString()) ? i : -1;
    }

    /** The longest run of whole digit groups in the candidate that is a valid card number, replaced. */
    private static String card(MatchResult m) {
        String candidate = m.group();
        List<int[]> groups = new ArrayList<>();
        Matcher digits = Pattern.compile("\\d+").matcher(candidate);
        while (digits.find()) {
            groups.add(new int[] {digits.start(), digits.end()});
        }
        for (int first = 0; first < groups.size(); first++) {
            for (int last = groups.size() - 1; last >= first; last--) {
                String span = candidate.substring(groups.get(first)[0], groups.get(last)[1]);
                String number = span.replaceAll("[ -]", "");
                boolean grouped = first == last
                        || (groups.get(first)[1] - groups.get(first)[0] == 4
                                && span.replaceAll("\\d", "").chars().distinct().count() == 1);
                if (grouped && PiiChecks.card(number)) {
                    return candidate.substring(0, groups.get(first)[0])
                            + CARD
                            + candidate.substring(groups.get(last)[1]);
                }
            }
        }
        return null;
    }

    private static String phone(String text, MatchResult m) {
        String candidate = m.group();
        int digits = (int) candidate.chars().filter(Character::isDigit).count();
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        if (NOT_PHONE_WORD.matcher(before).find()) {
            return null;
        }
        boolean phone;
        if (candidate.startsWith("+")) {
            phone = digits >= 8 && digits <= 15;
        } else if (candidate.startsWith("00")) {
            phone = digits >= 11 && digits <= 15 && candidate.matches("00\\d{1,3}[ .-].*");
        } else if (candidate.startsWith("(")) {
            phone = digits >= 9 && digits <= 12;
        } else if (candidate.startsWith("0")) {
            phone = digits >= 9
                    && digits <= 12
                    && !DATE_START.matcher(candidate).find();
        } else {
            phone = NANP.matcher(candidate).matches()
                    || (digits >= 7
                            && digits <= 15
                            && PHONE_WORD.matcher(before).find()
                            && !DATE_START.matcher(candidate).find());
        }
        return phone ? PHONE : null;
    }
}
