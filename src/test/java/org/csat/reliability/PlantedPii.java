package org.csat.reliability;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Personal data as customers type it in real chats, and look-alikes that must stay, generated
 * from a seed with fresh random values for every item. Each planted item knows its secret: the
 * part that must not survive anywhere after bronze (a mailbox name, a handle, a token, or the
 * digits of a number, which are checked with separators removed, so a number that survives in
 * another spacing still counts). Forms: e-mails with plus-addressing, subdomains, upper case,
 * spaces around the {@code @}, a zero-width space, {@code (at)}/{@code [dot]} and spelled-out
 * obfuscation, a full-width {@code ＠}; phones in international, national and North American
 * layouts, with slashes or dots, in full-width digits; Luhn-valid cards grouped by spaces,
 * dashes, dots or no-break spaces; IBANs with valid check digits, grouped by single, double or
 * no-break spaces, or not at all; every handle form ({@code .@name}, {@code (@name)},
 * {@code @name:}, glued to punctuation or emoji, non-ASCII); links carrying tokens; and data
 * split over two messages of one customer.
 */
final class PlantedPii {
    /** One planted item: its kind, the message text(s) carrying it, and what must not survive. */
    record Item(String kind, List<String> messages, String secret, boolean digitsOnly) {}

    /** A look-alike that must stay as written: an order number, a date or an amount. */
    record LookAlike(String kind, String text) {}

    private static final String[] NAMES = {"anna", "lars", "jörg", "maría", "chloé", "li", "sven", "åsa", "omar", "kim"
    };
    private static final String[] SURNAMES = {"lind", "berg", "müller", "garcía", "dubois", "wang", "ek", "nilsson"};

    private final Random random;
    private int serial;

    PlantedPii(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} planted items, cycling through every form. */
    List<Item> items(int count) {
        List<Function<Void, Item>> forms = forms();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(forms.get(i % forms.size()).apply(null));
        }
        return items;
    }

    /** {@code count} look-alikes, cycling through order numbers, dates and amounts. */
    List<LookAlike> lookAlikes(int count) {
        List<Function<Void, LookAlike>> forms = List.of(
                v -> new LookAlike("order number", "my order #" + digits(8) + " has not arrived"),
                v -> new LookAlike("order number", "it's ORD-" + digits(8) + ", please check"),
                v -> new LookAlike("order number", "order number " + digits(10) + " is wrong"),
                v -> new LookAlike("order number", "my order " + nonZero() + digits(9) + " still not here"),
                v -> new LookAlike("order number", "invoice " + digits(7) + " and ticket " + digits(6)),
                v -> new LookAlike("order number", "tracking JD" + digits(16)),
                v -> new LookAlike("date", "it arrived on 2024-" + month() + "-" + day() + " at " + hour() + ":15"),
                v -> new LookAlike("date", "delivered " + day() + "." + month() + ".2024 around " + hour() + ".30"),
                v -> new LookAlike("date", "paid on " + month() + "/" + day() + "/2024, still nothing"),
                v -> new LookAlike("date", "since " + day() + " March 2024 I wait"),
                v -> new LookAlike("date", "on " + day() + "." + month() + ".2024 2 parcels came"),
                v -> new LookAlike("amount", "I paid €" + nonZero() + "," + digits(3) + "." + digits(2)),
                v -> new LookAlike("amount", "refund of " + nonZero() + " " + digits(3) + "," + digits(2) + " kr"),
                v -> new LookAlike("amount", "it cost SEK " + nonZero() + " " + digits(3)),
                v -> new LookAlike("amount", "charged $" + nonZero() + digits(1) + "." + digits(2) + " twice"),
                v -> new LookAlike(
                        "amount", "total " + nonZero() + "." + digits(3) + "." + digits(3) + "," + digits(2) + " EUR"));
        List<LookAlike> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(forms.get(i % forms.size()).apply(null));
        }
        return out;
    }

    private List<Function<Void, Item>> forms() {
        List<Function<Void, Item>> forms = new ArrayList<>();
        // e-mail
        forms.add(v -> email(m -> "my email is " + m + "@gmail.com"));
        forms.add(v -> email(m -> "write to " + m + "+orders@mail.corp.example.co.uk please"));
        forms.add(v -> email(m -> "MAIL: " + m.toUpperCase(java.util.Locale.ROOT) + "@WEB.DE"));
        forms.add(v -> email(m -> "it's " + m + " @ gmail.com"));
        forms.add(v -> email(m -> "mail:\u200B" + m + "@outlook.com"));
        forms.add(v -> email(m -> m + "\u200B@outlook.com is mine"));
        forms.add(v -> email(m -> "reach me at " + m + " (at) gmx (dot) de"));
        forms.add(v -> email(m -> "it is " + m + " at yahoo dot com"));
        forms.add(v -> email(m -> m + "[at]proton[dot]me"));
        forms.add(v -> email(m -> "email " + m + "＠gmail.com"));
        // phone: the sentence, and the number in it (built from 7 random digits)
        forms.add(v -> phone(
                "call me on %s",
                d -> "+46 70 " + d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5, 7)));
        forms.add(v -> phone("my number %s", d -> "0049 30 " + d));
        forms.add(v -> phone("phone %s", d -> "(" + area() + ") " + d.substring(0, 3) + "-" + d.substring(3, 7)));
        forms.add(v -> phone("ring %s", d -> "030/" + d + "1"));
        forms.add(v -> phone(
                "mon numéro %s",
                d -> "06." + d.substring(0, 2) + "." + d.substring(2, 4) + "." + d.substring(4, 6) + "." + d.charAt(6)
                        + "0"));
        forms.add(v -> phone(
                "tel %s",
                d -> fullWidth("070-" + d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5, 7))));
        forms.add(v -> phone("%s is my mobile", d -> "+44 7700 " + d.substring(0, 6)));
        forms.add(v -> phone("text me at %s", d -> area() + "-" + d.substring(0, 3) + "-" + d.substring(3, 7)));
        forms.add(v -> phone("%s", d -> "+1 (" + area() + ") " + d.substring(0, 3) + "-" + d.substring(3, 7)));
        forms.add(v -> phone("call me on %s", d -> area() + d));
        // card
        forms.add(v -> card(c -> "my card is " + group(c, " ")));
        forms.add(v -> card(c -> "card " + group(c, "-") + " please"));
        forms.add(v -> card(c -> "card nr " + group(c, ".")));
        forms.add(v -> card(c -> "the card: " + group(c, "\u00A0")));
        forms.add(v -> card(c -> "paid with " + c + " yesterday"));
        // IBAN
        forms.add(v -> iban(i -> "my IBAN is " + group(i, " ")));
        forms.add(v -> iban(i -> "IBAN " + group(i, "  ")));
        forms.add(v -> iban(i -> "refund to " + group(i, "\u00A0") + " please"));
        forms.add(v -> iban(i -> "account " + i.toLowerCase(java.util.Locale.ROOT)));
        forms.add(v -> iban(i -> "IBAN:" + i));
        // handle
        forms.add(v -> handle(h -> ".@" + h + " I'm not very happy with this"));
        forms.add(v -> handle(h -> "thanks (@" + h + ")"));
        forms.add(v -> handle(h -> "@" + h + ": where is my refund"));
        forms.add(v -> handle(h -> "hey!@" + h + ", any news?"));
        forms.add(v -> handle(h -> "😀@" + h + "😀 thanks"));
        forms.add(v -> handle(h -> "I'm @åsa_" + h + " on insta"));
        // links
        forms.add(v -> token(t -> "the link https://shop.example.com/reset?token=" + t + " fails"));
        forms.add(v -> token(t -> "open app.example.com/reset?token=" + t));
        forms.add(v -> token(t -> "see https://files.example.com/s/" + t + t));
        // split over two messages of one customer
        forms.add(v -> {
            String c = luhn16();
            return new Item(
                    "card split over two messages",
                    List.of(
                            "my card is " + c.substring(0, 4) + " " + c.substring(4, 8),
                            c.substring(8, 12) + " " + c.substring(12) + " thanks"),
                    c,
                    true);
        });
        forms.add(v -> {
            String m = mailbox();
            return new Item("e-mail split over two messages", List.of("my mail is " + m + "@", "gmail.com"), m, false);
        });
        forms.add(v -> {
            String d = digits(7);
            return new Item(
                    "phone split over two messages",
                    List.of("call me on +46 70", d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5)),
                    "4670" + d,
                    true);
        });
        return forms;
    }

    private Item email(Function<String, String> form) {
        String mailbox = mailbox();
        return new Item("e-mail", List.of(form.apply(mailbox)), mailbox, false);
    }

    private Item phone(String sentence, Function<String, String> number) {
        String typed = number.apply(nonZero() + digits(6));
        return new Item("phone", List.of(sentence.replace("%s", typed)), digitsOf(typed), true);
    }

    /** The digits of a text, any script's digits as ASCII: how a number is compared, whatever its spacing. */
    static String digitsOf(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(Character::isDigit).forEach(c -> out.append(Character.digit(c, 10)));
        return out.toString();
    }

    private Item card(Function<String, String> form) {
        String card = luhn16();
        return new Item("card", List.of(form.apply(card)), card, true);
    }

    private Item iban(Function<String, String> form) {
        String iban = ibanNumber();
        return new Item("IBAN", List.of(form.apply(iban)), iban.substring(4).replaceAll("\\D", ""), true);
    }

    private Item handle(Function<String, String> form) {
        String handle = pick(SURNAMES).replaceAll("[^a-z]", "") + "_" + digits(4);
        return new Item("handle", List.of(form.apply(handle)), handle, false);
    }

    private Item token(Function<String, String> form) {
        String token = Long.toString(Math.abs(random.nextLong()), 36) + "x" + digits(3);
        return new Item("link", List.of(form.apply(token)), token, false);
    }

    private String mailbox() {
        return pick(NAMES) + "." + pick(SURNAMES) + digits(4);
    }

    private String luhn16() {
        StringBuilder digits = new StringBuilder(random.nextBoolean() ? "4" : "5");
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (luhn(digits.toString() + check)) {
                return digits.toString() + check;
            }
        }
        throw new IllegalStateException("no Luhn check digit");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** A German, Swedish, Dutch or British IBAN with valid check digits (ISO 13616 mod 97). */
    private String ibanNumber() {
        String country = pick(new String[] {"DE", "SE", "NL", "GB"});
        String bban = switch (country) {
            case "DE" -> digits(18);
            case "SE" -> digits(20);
            case "NL" -> "ABNA" + digits(10);
            default -> "NWBK" + digits(14);
        };
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98
                - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    private static String group(String number, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < number.length(); i += 4) {
            out.append(i == 0 ? "" : separator).append(number, i, Math.min(number.length(), i + 4));
        }
        return out.toString();
    }

    private static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
        }
        return out.toString();
    }

    private String area() {
        return (2 + random.nextInt(8)) + digits(2);
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private String nonZero() {
        return String.valueOf(1 + random.nextInt(9));
    }

    private String month() {
        return String.format("%02d", 1 + random.nextInt(12));
    }

    private String day() {
        return String.format("%02d", 1 + random.nextInt(28));
    }

    private String hour() {
        return String.format("%02d", 8 + random.nextInt(10));
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
