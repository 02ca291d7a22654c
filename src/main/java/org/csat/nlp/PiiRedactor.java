package org.csat.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final Pattern MAYBE_PII =
            Pattern.compile("[\\p{N}@\\uFF20\\uFE6B]|(?i)www\\.|https?:|[\\[(]at[\\])]|\\bdot\\b|\\.[a-z]{2,24}/");
    private static final String URL_CHARS = "[^\\s<>\"'`\\u0000]";
    private static final Pattern URL_CANDIDATE = Pattern.compile("(?i)\\b(?:https?://|www\\.)" + URL_CHARS + "+");
    /** A link without scheme or www: a host with a path ({@code app.example.com/reset?token=...}). */
    private static final Pattern BARE_URL_CANDIDATE =
            Pattern.compile("(?i)(?<![\\p{L}\\p{N}@._/-])(?:[\\p{L}\\p{N}-]+\\.)+[a-z]{2,24}/" + URL_CHARS + "*");

    private static final String LOCAL_PART = "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+";
    private static final String DOMAIN_LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    private static final Pattern EMAIL_CANDIDATE = Pattern.compile(LOCAL_PART
            + "(?: ?@ ?| ?[\\[({]at[\\])}] ?)(?:" + DOMAIN_LABEL + "(?:\\.| ?[\\[({]dot[\\])}] ?))+"
            + "\\p{L}{2,24}(?![\\p{L}\\p{N}])");
    /** Spelled out with words and no brackets: {@code anna at gmail dot com}; "dot" must be there. */
    private static final Pattern SPELLED_EMAIL = Pattern.compile(LOCAL_PART
            + " (?i:at) (?!(?i:this|that|the|a|an|my|your|our|their|his|her|its|home|work|least|most|all|once) )"
            + "(?:" + DOMAIN_LABEL + " (?i:dot) )+\\p{L}{2,6}(?![\\p{L}\\p{N}])");

    private static final Pattern IBAN_START =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?=[ -]?[A-Za-z0-9])");
    private static final Pattern CARD_CANDIDATE =
            Pattern.compile("(?<![\\p{L}\\p{N}+.,])\\d(?:[ .-]?\\d){12,22}(?![\\p{N}])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DOTTED_CARD = Pattern.compile("\\d{4}(?:\\.\\d{4}){3}|\\d{4}\\.\\d{6}\\.\\d{5}");
    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@#/.,+-])(?:(?:\\+|00)\\d{1,3}[ ./-]?)?(?:\\(\\d{1,5}\\)[ ./-]?)?\\d{1,12}(?:[ ./-]\\d{1,12}){0,6}(?![\\p{L}\\p{N}_])");
    private static final Pattern NANP = Pattern.compile("\\d{3}([ .-])\\d{3}\\1\\d{4}");
    /**
     * A date at the start of a candidate: day, month and year (or year, month, day) with one kind
     * of separator, not followed by more groups with that separator (which makes it a phone
     * number written with dots, {@code 06.12.34.56.78}).
     */
    private static final Pattern DATE_START = Pattern.compile(
            "^(?:\\d{1,2}([./-])\\d{1,2}\\1\\d{2,4}(?!\\1?\\d)|\\d{4}([./-])\\d{1,2}\\2\\d{1,2}(?!\\2?\\d))");

    private static final Pattern PHONE_WORD =
            Pattern.compile("(?i)\\b(?:phone|tel|mobile|cell|call|text|sms|whatsapp|ring|reach|"
                    + "telefon|handy|mob|portable|móvil|movil|(?:my|mein|meine|mon|mi|min|mitt) (?:number|nummer|numéro|numero|número))"
                    + "\\W{0,12}(?:\\p{L}+\\W{1,3}){0,2}$");
    private static final Pattern NOT_PHONE_WORD =
            Pattern.compile("(?i)(?:\\b(?:order|ord|invoice|ref|reference|tracking|booking|"
                    + "ticket|case|parcel|shipment|bestellung|bestellnummer|commande|pedido|ordine|sendung|item|sku|"
                    + "eur|usd|gbp|sek|nok|dkk|chf|kr)s?\\b|[$€£¥])\\W{0,14}(?:\\p{L}+\\W{1,3}){0,2}$");
    /**
     * {@code @name} of letters (any script), digits, {@code _} and inner dots, not inside an
     * e-mail or a path; also after a lone dot ({@code .@name}, Twitter's public reply) and glued
     * to brackets, punctuation or emoji.
     */
    private static final Pattern HANDLE_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@/])(?<![\\p{L}\\p{N}_]\\.)@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]{0,28}[\\p{L}\\p{N}_])?"
                    + "(?![\\p{L}\\p{N}_@])");

    private PiiRedactor() {}

    /** The text with personal data replaced by placeholders; null stays null. */
    public static String redact(String text) {
        if (text == null || !MAYBE_PII.matcher(text).find()) {
            return text;
        }
        RedactionText found = find(text);
        return found.changed() ? found.redacted() : text;
    }

    /**
     * The messages of one speaker, redacted as one text (joined by a space, in order), so
     * personal data split over consecutive messages ({@code "my card is 4111 1111"},
     * {@code "1111 1111"}) is found; each message gets the placeholder for its part of it.
     * Nulls stay null and are not joined.
     */
    public static List<String> redactJoined(List<String> texts) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text != null && joined.length() > 0) {
                joined.append(' ');
            }
            starts[i] = joined.length();
            if (text != null) {
                joined.append(text);
            }
        }
        if (!MAYBE_PII.matcher(joined).find()) {
            return texts;
        }
        RedactionText found = find(joined.toString());
        if (!found.changed()) {
            return texts;
        }
        List<String> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            out.add(text == null ? null : found.redacted(starts[i], starts[i] + text.length()));
        }
        return out;
    }

    /** Every kind of personal data in the text, marked in the order URL, e-mail, IBAN, card, id, phone, handle. */
    private static RedactionText find(String text) {
        RedactionText t = new RedactionText(text);
        t.mark(URL_CANDIDATE, PiiRedactor::url, URL);
        t.mark(BARE_URL_CANDIDATE, PiiRedactor::url, URL);
        t.mark(EMAIL_CANDIDATE, PiiRedactor::whole, EMAIL);
        t.mark(SPELLED_EMAIL, PiiRedactor::whole, EMAIL);
        ibans(t);
        t.mark(CARD_CANDIDATE, PiiRedactor::card, CARD);
        NationalIds.mark(t);
        String phonesFrom = t.text();
        t.mark(PHONE_CANDIDATE, m -> phone(phonesFrom, m), PHONE);
        t.mark(HANDLE_CANDIDATE, PiiRedactor::whole, HANDLE);
        return t;
    }

    static int[] whole(MatchResult m) {
        return new int[] {m.start(), m.end()};
    }

    /** A link with something personal in it: user info, an @, a query or token fragment, a token-like or profile path. */
    private static int[] url(MatchResult m) {
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
        return personal ? new int[] {m.start(), m.start() + url.length()} : null;
    }

    private static void ibans(RedactionText t) {
        String text = t.text();
        Matcher start = IBAN_START.matcher(text);
        List<int[]> found = new ArrayList<>();
        int from = 0;
        while (start.find(from)) {
            Integer length =
                    PiiChecks.IBAN_LENGTHS.get(start.group().substring(0, 2).toUpperCase(Locale.ROOT));
            int end = length == null ? -1 : ibanEnd(text, start.start(), length);
            if (end < 0) {
                from = start.start() + 1;
                continue;
            }
            found.add(new int[] {start.start(), end});
            from = end;
        }
        found.forEach(span -> t.mark(span[0], span[1], IBAN));
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

    /**
     * The longest run of whole digit groups in the candidate that is a valid card number: one
     * group, or groups joined by one kind of separator with a first group of 4 (dots only in the
     * printed layouts 4-4-4-4 and 4-6-5, since dotted digit runs are mostly amounts), never
     * starting after a decimal point.
     */
    private static int[] card(MatchResult m) {
        String candidate = m.group();
        List<int[]> groups = new ArrayList<>();
        Matcher digits = DIGITS.matcher(candidate);
        while (digits.find()) {
            groups.add(new int[] {digits.start(), digits.end()});
        }
        for (int first = 0; first < groups.size(); first++) {
            if (first > 0 && candidate.charAt(groups.get(first)[0] - 1) == '.') {
                // digits after a decimal point are a fraction ("3.6666666666666665"), not a card
                continue;
            }
            for (int last = groups.size() - 1; last >= first; last--) {
                String span = candidate.substring(groups.get(first)[0], groups.get(last)[1]);
                String separators = span.replaceAll("\\d", "");
                boolean grouped = first == last
                        || (groups.get(first)[1] - groups.get(first)[0] == 4
                                && separators.chars().distinct().count() == 1
                                && (separators.charAt(0) != '.'
                                        || DOTTED_CARD.matcher(span).matches()));
                if (grouped && PiiChecks.card(span.replaceAll("[ .-]", ""))) {
                    return new int[] {m.start() + groups.get(first)[0], m.start() + groups.get(last)[1]};
                }
            }
        }
        return null;
    }

    private static int[] phone(String text, MatchResult m) {
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
            phone = digits >= 11 && digits <= 15 && candidate.matches("00\\d{1,3}[ ./-].*");
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
        return phone ? whole(m) : null;
    }
}
