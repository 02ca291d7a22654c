package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PiiRedactor} on realistic chat strings: every kind of personal data in the formats
 * customers type it, and the look-alikes it must leave alone (order numbers, dates, times,
 * amounts, Luhn-failing card-like numbers, plain help links).
 */
class PiiRedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my email is anna.smith@gmail.com                    | my email is <EMAIL>
            Mail: Jörg.Müller@web.de.                           | Mail: <EMAIL>.
            reach me at lisa_0042@outlook.com, thanks           | reach me at <EMAIL>, thanks
            write to anna (at) gmail.com                        | write to <EMAIL>
            call me on +44 7700 900123                          | call me on <PHONE>
            my number is 07700 900123                           | my number is <PHONE>
            phone (555) 123-4567                                | phone <PHONE>
            you can text me at 555-123-4567                     | you can text me at <PHONE>
            +49 151 12345678 or 0151 12345678                   | <PHONE> or <PHONE>
            ring +46 70 123 45 67 / 070-123 45 67               | ring <PHONE> / <PHONE>
            +33 6 12 34 56 78 ou 06 12 34 56 78                 | <PHONE> ou <PHONE>
            +34 612 345 678, +61 412 345 678, +31 6 12345678    | <PHONE>, <PHONE>, <PHONE>
            call me 0046 70 123 45 67                           | call me <PHONE>
            my number is 5551234567                             | my number is <PHONE>
            my card number is 4111 1111 1111 1111               | my card number is <CARD>
            the card is 5500-0000-0000-0004 if you need it      | the card is <CARD> if you need it
            card 4111111111111111 exp 12/25                     | card <CARD> exp 12/25
            amex 3782 822463 10005                              | amex <CARD>
            card 4111 1111 1111 1111 2 times                    | card <CARD> 2 times
            my IBAN is DE89 3704 0044 0532 0130 00              | my IBAN is <IBAN>
            refund it to DE89370400440532013000 please          | refund it to <IBAN> please
            GB29 NWBK 6016 1331 9268 19.                        | <IBAN>.
            bank account se45 5000 0000 0583 9825 7466          | bank account <IBAN>
            NL91ABNA0417164300 and FR14 2004 1010 0505 0001 3M02 606 | <IBAN> and <IBAN>
            I'm @lucas_berg on X                                | I'm <HANDLE> on X
            my insta is @emma123!                               | my insta is <HANDLE>!
            reset link https://shop.example.com/reset?token=ab12cd34 didn't work | reset link <URL> didn't work
            see https://www.facebook.com/anna.smith.1985.       | see <URL>.
            https://track.example.com/p/JD014600003828461       | <URL>
            https://anna:secret@files.example.com/x             | <URL>
            SSN 123-45-6789                                     | SSN <ID>
            personnummer 811228-9874                            | personnummer <ID>
            it's 19811228-9874                                  | it's <ID>
            fødselsnummer 15039010043                           | fødselsnummer <ID>
            hetu 131052-308T                                    | hetu <ID>
            NI number AB 12 34 56 C                             | NI number <ID>
            DNI 12345678Z, NIE X1234567L                        | DNI <ID>, NIE <ID>
            NIR 1 84 12 76 451 089 46                           | NIR <ID>
            codice fiscale RSSMRA85T10A562S                     | codice fiscale <ID>
            my passport number is X1234567 and it expired       | my passport number is <ID> and it expired
            BSN: 1234 56 782                                    | BSN: <ID>
            .@AppleSupport I'm not very happy                   | .<HANDLE> I'm not very happy
            thanks (@anna_b)                                    | thanks (<HANDLE>)
            @lucas: where is it                                 | <HANDLE>: where is it
            hey!@emma, any news                                 | hey!<HANDLE>, any news
            😀@emma😀 thanks                                    | 😀<HANDLE>😀 thanks
            I'm @åsa_lind on insta                              | I'm <HANDLE> on insta
            it's anna.smith @ gmail.com                         | it's <EMAIL>
            ANNA.SMITH+ORDERS@MAIL.CORP.EXAMPLE.CO.UK           | <EMAIL>
            it is anna at yahoo dot com                         | it is <EMAIL>
            anna[at]proton[dot]me                               | <EMAIL>
            email anna＠gmail.com                               | email <EMAIL>
            ring 030/12345678                                   | ring <PHONE>
            mon numéro 06.12.34.56.78                           | mon numéro <PHONE>
            tel ０７０-１２３ ４５ ６７                          | tel <PHONE>
            my number 0049 30 1234567                           | my number <PHONE>
            card nr 4111.1111.1111.1111                         | card nr <CARD>
            IBAN DE89  3704  0044  0532  0130  00               | IBAN <IBAN>
            open app.example.com/reset?token=ab12cd34           | open <URL>
            my refund: call +44 7700 900123                     | my refund: call <PHONE>
            refund phone (617) 331-7240                         | refund phone <PHONE>
            """)
    void redactsPersonalData(String text, String expected) {
        assertEquals(expected, PiiRedactor.redact(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my order number is 12345678
            order #12345678
            it's ORD-12345678
            Order nr 87654321 if that helps
            order 0701234567 still not here
            the card is 4111 1111 1111 1112 if you need it
            card 4123-4567-8901-2345
            it arrived on 2024-03-01 at 10:15
            delivered 01.03.2024 around 10.30
            paid €1,234.56 on 03/01/2024
            refund of 1 234,56 kr and SEK 1 299
            It usually takes 3-5 business days.
            the app is on iOS 17.4.1, version v2.3.1
            Hi, I'm Sara, how can I help?
            visit https://www.example.com/help/refunds for details
            see www.example.com/orders/12345678
            I called 3 times since 2023
            tracking JD014600003828461
            postcode 114 55 Stockholm
            you will get 2 emails @ 5pm
            my oder number is 83036844
            die e-mail zum zurücksetzen kommt nie an 18071044
            on 01.03.2024 2 parcels came
            total 1.234.567,89 EUR
            amount 1.234.567.890.123
            see example.com/help for details
            look at this dot com bubble
            tracking JD4463649597359484
            my orders 0701234567 still missing
            mean rating 3.4111111111111111
            score 0.5500000000000004
            """)
    void leavesLookAlikesAlone(String text) {
        assertEquals(text, PiiRedactor.redact(text));
    }

    @Test
    void nullAndTextWithoutDigitsOrAtSignsPassUnchanged() {
        assertNull(PiiRedactor.redact(null));
        String plain = "This is the worst service I have ever had.";
        assertEquals(plain, PiiRedactor.redact(plain));
    }

    @Test
    void invisibleAndNoBreakSpacesInsideDataDoNotHideIt() {
        assertEquals("mail:\u200B<EMAIL>", PiiRedactor.redact("mail:\u200Banna.smith@gmail.com"));
        assertEquals("<EMAIL> is mine", PiiRedactor.redact("anna\u200B@gmail.com is mine"));
        assertEquals("card <CARD>", PiiRedactor.redact("card 4111\u00A01111\u00A01111\u00A01111"));
        assertEquals("IBAN <IBAN>!", PiiRedactor.redact("IBAN DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000!"));
        assertEquals("write <EMAIL>", PiiRedactor.redact("write anna\u00AD.smith@web.de"));
    }

    @Test
    void dataSplitOverTwoMessagesOfOneSpeakerIsFoundInBoth() {
        assertEquals(
                List.of("my card is <CARD>", "<CARD> thanks"),
                PiiRedactor.redactJoined(List.of("my card is 4111 1111", "1111 1111 thanks")));
        assertEquals(
                List.of("my mail is <EMAIL>", "<EMAIL>"),
                PiiRedactor.redactJoined(List.of("my mail is anna.smith@", "gmail.com")));
        assertEquals(
                List.of("call me on <PHONE>", "<PHONE>"),
                PiiRedactor.redactJoined(List.of("call me on +46 70", "123 45 67")));
        List<String> apart = List.of("order 12345678", "87654321 is the other one");
        assertEquals(apart, PiiRedactor.redactJoined(apart), "two order numbers do not make a card");
        assertEquals(
                java.util.Arrays.asList(null, "mail <EMAIL>"),
                PiiRedactor.redactJoined(java.util.Arrays.asList(null, "mail anna@web.de")));
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = PiiRedactor.redact("mail anna@web.de, call +46 70 123 45 67, card 4111 1111 1111 1111, @anna");
        assertEquals("mail <EMAIL>, call <PHONE>, card <CARD>, <HANDLE>", once);
        assertEquals(once, PiiRedactor.redact(once));
    }
}
