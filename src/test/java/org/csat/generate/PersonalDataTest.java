package org.csat.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted personal data looks like the real thing, checksums included, at about 5% of chats. */
class PersonalDataTest {
    private static final Pattern CARD = Pattern.compile("\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b");
    private static final Pattern IBAN =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");

    @Test
    void cardNumbersPassOrFailLuhnAsAsked() {
        Dice dice = new Dice(5);
        for (int i = 0; i < 200; i++) {
            assertTrue(luhn(digitsOf(PersonalDataFaker.cardNumber(true, dice))));
            assertFalse(luhn(digitsOf(PersonalDataFaker.cardNumber(false, dice))));
        }
    }

    @Test
    void ibansCarryValidCheckDigits() {
        Dice dice = new Dice(9);
        for (int i = 0; i < 200; i++) {
            String iban = PersonalDataFaker.iban(dice).replace(" ", "");
            assertTrue(ibanValid(iban), iban);
        }
        assertTrue(ibanValid("DE" + PersonalDataFaker.checkDigits("DE", "370400440532013000") + "370400440532013000"));
        assertEquals("89", PersonalDataFaker.checkDigits("DE", "370400440532013000"));
    }

    @Test
    void aboutOneInTwentyChatsCarriesPlantedDataInACustomerTurn(@TempDir Path dir) throws IOException {
        new GenerateTranscripts()
                .outputDir(dir.resolve("out"))
                .conversations(3000)
                .days(10)
                .seed(3)
                .truthFile(dir.resolve("truth.jsonl"))
                .execute();
        Map<String, String> customerText = new HashMap<>();
        for (JsonNode c : GeneratedFiles.conversations(dir.resolve("out"))) {
            StringBuilder text = new StringBuilder();
            for (JsonNode m : c.get("messages")) {
                if (m.get("role").asText().equals("customer")) {
                    text.append(m.get("text").asText()).append('\n');
                }
            }
            customerText.put(c.get("conversation_id").asText(), text.toString());
        }
        int planted = 0;
        for (JsonNode t : GeneratedFiles.readJsonLines(dir.resolve("truth.jsonl"))) {
            List<String> kinds = GeneratedFiles.JSON.convertValue(t.get("pii"), List.class);
            String text = customerText.get(t.get("conversation_id").asText());
            planted += kinds.isEmpty() ? 0 : 1;
            if (kinds.contains("card_luhn")) {
                assertTrue(anyMatch(CARD, text, card -> luhn(digitsOf(card))), text);
            }
            if (kinds.contains("iban")) {
                assertTrue(anyMatch(IBAN, text, iban -> ibanValid(iban.replace(" ", ""))), text);
            }
            if (kinds.contains("email")) {
                assertTrue(text.matches("(?s).*[a-z0-9._]+@[a-z]+\\.[a-z]+.*"), text);
            }
        }
        assertEquals(0.05, planted / 3000.0, 0.015);
    }

    private static boolean anyMatch(Pattern pattern, String text, java.util.function.Predicate<String> check) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (check.test(matcher.group())) {
                return true;
            }
        }
        return false;
    }

    private static String digitsOf(String text) {
        return text.replaceAll("\\D", "");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return digits.length() == 16 && sum % 10 == 0;
    }

    private static boolean ibanValid(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
