package org.csat.generate;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Fake identifiers that customers paste into chats: e-mail addresses, phone numbers in
 * the market's national or international format, 16-digit card numbers (Luhn-valid or
 * not, grouped by spaces, dashes or not at all), IBANs with correct mod-97 check digits,
 * social-media handles, and order numbers, which are not personal data but look like it.
 * All of it is made up from the conversation's random stream.
 */
final class PersonalDataFaker {
    private static final String[] FIRST = {
        "anna", "james", "lisa", "erik", "maria", "tom", "sophie", "jonas", "lea", "carlos", "emma", "noah", "julia",
        "omar", "sara", "lucas"
    };
    private static final String[] LAST = {
        "smith",
        "berg",
        "muller",
        "martin",
        "garcia",
        "johansson",
        "brown",
        "schmidt",
        "dubois",
        "lopez",
        "nilsson",
        "wilson",
        "fischer",
        "moreau"
    };
    private static final String[] DOMAINS = {
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "web.de",
        "icloud.com",
        "live.se",
        "orange.fr",
        "proton.me"
    };
    private static final String[] IBAN_COUNTRIES = {"DE", "SE", "ES", "FR", "NL"};
    private static final int[] IBAN_DIGITS = {18, 20, 20, 23, 14};

    private PersonalDataFaker() {}

    static String orderNumber(Dice dice) {
        String digits = dice.between(1, 9) + dice.digits(7);
        return switch (dice.between(0, 2)) {
            case 0 -> "#" + digits;
            case 1 -> digits;
            default -> "ORD-" + digits;
        };
    }

    static String email(Dice dice) {
        String first = dice.pick(FIRST);
        String last = dice.pick(LAST);
        String local = switch (dice.between(0, 3)) {
            case 0 -> first + "." + last;
            case 1 -> first + last + dice.digits(2);
            case 2 -> first.charAt(0) + last;
            default -> first + "_" + dice.digits(4);
        };
        return local + "@" + dice.pick(DOMAINS);
    }

    static String phone(String market, Dice dice) {
        boolean international = dice.chance(0.5);
        return switch (market) {
            case "UK" -> international ? "+44 7700 900" + dice.digits(3) : "07700 900" + dice.digits(3);
            case "US" -> "(555) " + dice.digits(3) + "-" + dice.digits(4);
            case "DE", "AT" -> international ? "+49 151 " + dice.digits(8) : "0151 " + dice.digits(8);
            case "SE" ->
                international
                        ? "+46 70 " + dice.digits(3) + " " + dice.digits(2) + " " + dice.digits(2)
                        : "070-" + dice.digits(3) + " " + dice.digits(2) + " " + dice.digits(2);
            case "FR", "BE" ->
                (international ? "+33 6 " : "06 ") + dice.digits(2) + " " + dice.digits(2) + " " + dice.digits(2) + " "
                        + dice.digits(2);
            case "ES" -> "+34 6" + dice.digits(2) + " " + dice.digits(3) + " " + dice.digits(3);
            case "AU" -> "+61 4" + dice.digits(2) + " " + dice.digits(3) + " " + dice.digits(3);
            default -> "+31 6 " + dice.digits(8);
        };
    }

    /** A 16-digit card-like number; {@code luhnValid} decides whether the check digit is right. */
    static String cardNumber(boolean luhnValid, Dice dice) {
        String prefix = dice.chance(0.6) ? "4" : "5" + dice.between(1, 5);
        String body = prefix + dice.digits(15 - prefix.length());
        int check = luhnCheckDigit(body);
        if (!luhnValid) {
            check = (check + dice.between(1, 9)) % 10;
        }
        String number = body + check;
        String separator = switch (dice.between(0, 2)) {
            case 0 -> " ";
            case 1 -> "-";
            default -> "";
        };
        return number.substring(0, 4)
                + separator
                + number.substring(4, 8)
                + separator
                + number.substring(8, 12)
                + separator
                + number.substring(12);
    }

    static int luhnCheckDigit(String body) {
        int sum = 0;
        boolean twice = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = body.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** An IBAN with valid check digits, in groups of four half of the time. */
    static String iban(Dice dice) {
        int which = dice.between(0, IBAN_COUNTRIES.length - 1);
        String country = IBAN_COUNTRIES[which];
        String bban = country.equals("NL") ? "ABNA" + dice.digits(10) : dice.digits(IBAN_DIGITS[which]);
        String iban = country + checkDigits(country, bban) + bban;
        if (!dice.chance(0.5)) {
            return iban;
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(iban, i, Math.min(iban.length(), i + 4));
        }
        return grouped.toString();
    }

    static String checkDigits(String country, String bban) {
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            if (Character.isLetter(c)) {
                numeric.append(Character.toUpperCase(c) - 'A' + 10);
            } else {
                numeric.append(c);
            }
        }
        int check = 98
                - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }

    static String handle(Dice dice) {
        return "@" + dice.pick(FIRST) + (dice.chance(0.5) ? "_" + dice.pick(LAST) : dice.digits(3));
    }
}
