package org.csat.nlp;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The check digits that tell a real identifier from a number that merely looks like one:
 * Luhn (payment cards, Swedish personnummer), ISO 13616 mod-97 with the registry's length per
 * country (IBAN), mod-11 (Norwegian fødselsnummer), mod-31 (Finnish henkilötunnus), mod-23
 * (Spanish DNI/NIE), mod-97 key (French NIR), plus calendar checks for the birth dates inside
 * national ids.
 */
final class PiiChecks {
    /** IBAN length per country (ISO 13616 registry). */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20));

    private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private PiiChecks() {}

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** A payment card number: 13-19 digits, Luhn-valid, not one digit repeated. */
    static boolean card(String digits) {
        return digits.length() >= 13
                && digits.length() <= 19
                && luhn(digits)
                && digits.chars().distinct().count() > 1;
    }

    /** @param iban letters and digits only, any case */
    static boolean iban(String iban) {
        String upper = iban.toUpperCase(Locale.ROOT);
        Integer length = IBAN_LENGTHS.get(upper.substring(0, 2));
        if (length == null || upper.length() != length) {
            return false;
        }
        StringBuilder numeric = new StringBuilder();
        for (char c : (upper.substring(4) + upper.substring(0, 4)).toCharArray()) {
            if (Character.isDigit(c)) {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** Swedish personnummer/samordningsnummer: YYMMDD (day + 60 allowed) and NNNC, Luhn over the ten digits. */
    static boolean swedishPersonalNumber(String yymmdd, String nnnc) {
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        String date = yymmdd.substring(0, 4) + String.format(Locale.ROOT, "%02d", day > 60 ? day - 60 : day);
        return date(date.substring(0, 2), date.substring(2, 4), date.substring(4, 6)) && luhn(yymmdd + nnnc);
    }

    /** Danish CPR: DDMMYY-NNNN with a real date (no check digit since 2007). */
    static boolean danishCpr(String ddmmyy) {
        return date(ddmmyy.substring(4, 6), ddmmyy.substring(2, 4), ddmmyy.substring(0, 2));
    }

    /** Norwegian fødselsnummer: DDMMYY NNN CC, two mod-11 check digits. */
    static boolean norwegianBirthNumber(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        String dd = String.format(Locale.ROOT, "%02d", day > 40 ? day - 40 : day);
        if (!date(digits.substring(4, 6), digits.substring(2, 4), dd)) {
            return false;
        }
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        return mod11(digits, w1) == digits.charAt(9) - '0' && mod11(digits, w2) == digits.charAt(10) - '0';
    }

    private static int mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    /** Finnish henkilötunnus: DDMMYY, century sign, NNN, check character (mod 31). */
    static boolean finnishPersonalCode(String ddmmyy, String nnn, char check) {
        return date(ddmmyy.substring(4, 6), ddmmyy.substring(2, 4), ddmmyy.substring(0, 2))
                && HETU_CHECK.charAt((int) (Long.parseLong(ddmmyy + nnn) % 31)) == Character.toUpperCase(check);
    }

    /** Spanish DNI (8 digits) or NIE (X/Y/Z + 7 digits, given here as 8 digits) and its check letter (mod 23). */
    static boolean spanishId(String eightDigits, char letter) {
        return DNI_LETTERS.charAt(Integer.parseInt(eightDigits) % 23) == Character.toUpperCase(letter);
    }

    /** French NIR: 13 characters (Corsica's 2A/2B as 19/18) and a two-digit key = 97 - (number mod 97). */
    static boolean frenchNir(String thirteen, String key) {
        String digits = thirteen.toUpperCase(Locale.ROOT);
        long number;
        if (digits.contains("A")) {
            number = Long.parseLong(digits.replace("A", "0")) - 1_000_000;
        } else if (digits.contains("B")) {
            number = Long.parseLong(digits.replace("B", "0")) - 2_000_000;
        } else {
            number = Long.parseLong(digits);
        }
        return 97 - number % 97 == Integer.parseInt(key);
    }

    /** Whether YY-MM-DD is a real date in the 1900s or 2000s. */
    static boolean date(String yy, String mm, String dd) {
        for (int century : new int[] {1900, 2000}) {
            try {
                LocalDate.of(century + Integer.parseInt(yy), Integer.parseInt(mm), Integer.parseInt(dd));
                return true;
            } catch (DateTimeException e) {
                // not a date in this century; 29 February may exist in the other
            }
        }
        return false;
    }
}
