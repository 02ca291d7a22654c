package org.csat.nlp;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * National identity numbers -> {@code <ID>}. Each format is found by its shape and confirmed
 * by its own check (check digits, a real birth date), so that order and reference numbers of
 * the same length are left alone: US SSN (area not 000/666/9xx), Swedish personnummer and
 * samordningsnummer (Luhn), Danish CPR (a real date), Norwegian fødselsnummer (two mod-11
 * digits), Finnish henkilötunnus (mod 31), UK National Insurance number (letter rules),
 * Spanish DNI/NIE (mod 23), French NIR (mod-97 key), Italian codice fiscale (its fixed
 * letter/digit layout). Any other number with four or more digits right after a word such
 * as "passport", "SSN", "BSN", "ID number" or "national insurance" is an id too (short
 * acronyms such as DNI, NIE, NIR only in capitals: "nie" is German for "never").
 */
final class NationalIds {
    private record Format(Pattern pattern, Predicate<MatchResult> valid) {}

    private static final String NOT_BEFORE = "(?<![\\p{L}\\p{N}-])";
    private static final String NOT_AFTER = "(?![\\p{L}\\p{N}]|-\\d)";

    private static final List<Format> FORMATS = List.of(
            new Format(
                    Pattern.compile(NOT_BEFORE + "(\\d{3})-(\\d{2})-(\\d{4})" + NOT_AFTER),
                    m -> !m.group(1).equals("000")
                            && !m.group(1).equals("666")
                            && m.group(1).charAt(0) != '9'
                            && !m.group(2).equals("00")
                            && !m.group(3).equals("0000")),
            new Format(
                    Pattern.compile(NOT_BEFORE + "(?:19|20)?(\\d{6})[-+](\\d{4})" + NOT_AFTER),
                    m -> PiiChecks.swedishPersonalNumber(m.group(1), m.group(2)) || PiiChecks.danishCpr(m.group(1))),
            new Format(
                    Pattern.compile(NOT_BEFORE + "(?:19|20)(\\d{6})(\\d{4})" + NOT_AFTER),
                    m -> PiiChecks.swedishPersonalNumber(m.group(1), m.group(2))),
            new Format(
                    Pattern.compile(NOT_BEFORE + "(\\d{11})" + NOT_AFTER),
                    m -> PiiChecks.norwegianBirthNumber(m.group(1))),
            new Format(
                    Pattern.compile(NOT_BEFORE + "(\\d{6})[-+A-FU-Y](\\d{3})([0-9A-FHJ-NPR-Y])" + NOT_AFTER),
                    m -> PiiChecks.finnishPersonalCode(
                            m.group(1), m.group(2), m.group(3).charAt(0))),
            new Format(
                    Pattern.compile(NOT_BEFORE + "(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                            + " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]" + NOT_AFTER),
                    m -> true),
            new Format(
                    Pattern.compile(NOT_BEFORE + "(\\d{8})-?([A-Za-z])" + NOT_AFTER),
                    m -> PiiChecks.spanishId(m.group(1), m.group(2).charAt(0))),
            new Format(
                    Pattern.compile(NOT_BEFORE + "([XYZxyz])-?(\\d{7})-?([A-Za-z])" + NOT_AFTER),
                    m -> PiiChecks.spanishId(
                            "XYZ".indexOf(Character.toUpperCase(m.group(1).charAt(0))) + m.group(2),
                            m.group(3).charAt(0))),
            new Format(
                    Pattern.compile(NOT_BEFORE
                            + "([12]) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}|2[ABab]) ?(\\d{3}) ?(\\d{3}) ?(\\d{2})" + NOT_AFTER),
                    m -> PiiChecks.frenchNir(
                            m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6), m.group(7))),
            new Format(
                    Pattern.compile(NOT_BEFORE + "[A-Za-z]{6}\\d{2}[A-EHLMPR-Ta-ehlmpr-t]\\d{2}[A-Za-z]\\d{3}[A-Za-z]"
                            + NOT_AFTER),
                    m -> true));

    private static final Pattern AFTER_ID_WORD = Pattern.compile("(?:(?i:\\b(?:ssn|social security(?: number| no\\.?)?|"
            + "personnummer|samordningsnummer|personal (?:id|identity|identification) (?:number|no\\.?)|"
            + "national (?:id|identity|insurance)(?: number| no\\.?)?|passport(?: number| no\\.?| nr\\.?)?|"
            + "id(?:entity)? card(?: number| no\\.?)?|id (?:number|no\\.?|nr\\.?)|(?:personal)?ausweis(?:nummer)?|"
            + "steuer-?id|steuernummer|bsn|burgerservicenummer|cpr-?nummer|henkilötunnus|codice fiscale|"
            + "f[øo]dselsnummer|num[ée]ro de s[ée]curit[ée] sociale|tax id))|\\b(?:DNI|NIE|NIF|CPR|NIR|TIN|HETU|hetu))"
            + "\\W{0,3}(?:(?:is|was|ist|es|är|er|est)\\s+)?([A-Za-z0-9]+(?:[ .\\-/][A-Za-z0-9]+){0,5})");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+");

    private NationalIds() {}

    /** Marks every national id in the text for {@code <ID>}. */
    static void mark(RedactionText text) {
        for (Format format : FORMATS) {
            text.mark(format.pattern(), m -> format.valid().test(m) ? PiiRedactor.whole(m) : null, PiiRedactor.ID);
        }
        text.mark(AFTER_ID_WORD, NationalIds::afterIdWord, PiiRedactor.ID);
    }

    /**
     * The id after an id word: its leading tokens that hold digits (a short letter prefix such
     * as "AB" before a digit token included), when they hold at least four digits.
     */
    private static int[] afterIdWord(MatchResult m) {
        String tail = m.group(1);
        java.util.regex.Matcher token = TOKEN.matcher(tail);
        int end = 0;
        int digits = 0;
        while (token.find()) {
            int tokenDigits =
                    (int) token.group().chars().filter(Character::isDigit).count();
            boolean prefix = tokenDigits == 0 && end == 0 && token.group().matches("[A-Z]{1,2}");
            if (tokenDigits == 0 && !prefix) {
                break;
            }
            digits += tokenDigits;
            end = token.end();
        }
        return digits < 4 ? null : new int[] {m.start(1), m.start(1) + end};
    }
}
