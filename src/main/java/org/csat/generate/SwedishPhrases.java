package org.csat.generate;

import static org.csat.generate.Phrase.*;
import static org.csat.generate.Topic.*;

import java.util.List;

/** Swedish wording, with the bot templates translated as a localised bot would ship them. */
final class SwedishPhrases {
    private SwedishPhrases() {}

    static PhraseBook build() {
        return PhraseBook.builder("sv")
                .add(GREETING, "Hej,", "Hej!", "hej", "Hallå,", "Tjena,")
                .add(SHORT_OPENER, "hej", "hallå?", "hej hej")
                .add(POLITE_CLOSING, "Tack", "tack på förhand", "snälla hjälp", "Tack så mycket!")
                .add(
                        ANNOYED_ADDON,
                        "Jag har väntat jättelänge.",
                        "Det här börjar bli irriterande.",
                        "Borde vara enkelt.")
                .add(
                        ANGRY_ADDON,
                        "Det här är helt oacceptabelt.",
                        "Jag är så trött på det här.",
                        "Skandal!",
                        "Jag vill ha det löst IDAG.")
                .add(
                        REPEAT_OPENER,
                        "Jag har redan kontaktat er om detta.",
                        "Andra gången jag skriver.",
                        "Fortfarande inte löst.")
                .add(ORDER_DETAIL, "mitt ordernummer är {order}", "order {order}", "{order}")
                .add(
                        CONFIRM,
                        "det funkade, tack!",
                        "perfekt, allt löst 👍",
                        "toppen tack så mycket",
                        "ok nu fungerar det 🙂")
                .add(SHORT_ACK, "ok", "tack", "okej", "ok tack")
                .add(NO_MORE, "nej tack", "nej det var allt", "nej")
                .add(
                        FRUSTRATION,
                        "det här är värdelöst",
                        "funkar fortfarande inte",
                        "ni hjälper inte alls",
                        "skämt 😡",
                        "strunt samma")
                .add(
                        ASK_HUMAN,
                        "kan jag prata med en riktig människa",
                        "handläggare tack",
                        "MÄNNISKA",
                        "jag vill prata med någon",
                        "koppla mig till en person")
                .add(NOT_UNDERSTOOD, "det var inte det jag frågade", "nej det hjälper inte", "du förstår inte")
                .add(REPHRASE_PREFIX, "Som jag sa,", "igen:", "")
                .add(WAITING, "hallå?", "?", "är någon där?", "väntar fortfarande...")
                .add(FOLLOWUP_QUESTION, "hur lång tid tar det?", "får jag ett mejl?", "vad gör jag nu?")
                .add(STILL_HERE, "ja", "ja förlåt", "är kvar")
                .add(PII_EMAIL, "min mejl är {email}", "mejl: {email}")
                .add(PII_PHONE, "mitt nummer är {phone}", "ring mig på {phone}")
                .add(PII_CARD, "mitt kortnummer är {card}", "kort {card}")
                .add(PII_IBAN, "mitt IBAN är {iban}", "betala tillbaka till {iban} tack")
                .add(PII_HANDLE, "jag skrev till er på Instagram också, {handle}")
                .add(BOT_GREETING, "Hej! Jag är din virtuella assistent. Hur kan jag hjälpa dig idag?")
                .add(BOT_FALLBACK, "Förlåt, det förstod jag inte riktigt. Kan du formulera om det?")
                .add(BOT_ASK_ORDER, "Kan du ange ditt ordernummer? Du hittar det i ditt bekräftelsemejl.")
                .add(BOT_DID_IT_HELP, "Besvarade det din fråga?")
                .add(BOT_ANYTHING_ELSE, "Finns det något mer jag kan hjälpa dig med?")
                .add(BOT_HANDOFF, "Jag kopplar dig till en av våra handläggare. Vänta lite.")
                .add(BOT_NO_AGENTS, "Alla handläggare är upptagna just nu. Försök igen senare.")
                .add(BOT_GOODBYE, "Tack för att du chattade med oss! Ha en bra dag.")
                .add(
                        AGENT_GREETING,
                        "Hej, jag heter {name}! Vad kan jag hjälpa till med?",
                        "Hej, {name} här. Tack för att du väntade.")
                .add(
                        AGENT_HANDOFF_GREETING,
                        "Hej, jag heter {name} och har läst din chatt med vår assistent.",
                        "Hej, {name} här, förlåt för väntan.")
                .add(AGENT_EMPATHY, "Jag beklagar verkligen.", "Jag förstår att det är frustrerande.")
                .add(AGENT_ASK_ORDER, "Kan du ge mig ordernumret?", "Vilket är ordernumret?")
                .add(AGENT_CHECKING, "Ett ögonblick, jag kollar.", "Tack, jag tittar på det direkt.")
                .add(
                        AGENT_FOLLOWUP_ANSWER,
                        "Det brukar ta 3-5 arbetsdagar.",
                        "Ja, du får en bekräftelse via mejl.",
                        "Du behöver inte göra något mer.")
                .add(
                        AGENT_UNRESOLVED,
                        "Tyvärr kan jag inte lösa det härifrån. Jag har skickat ärendet vidare till vårt specialistteam som återkommer inom 3-5 arbetsdagar.",
                        "Vi måste vänta på svar från butiken innan jag kan göra något.")
                .add(AGENT_STILL_THERE, "Är du kvar?")
                .add(AGENT_CLOSING, "Varsågod! Ha en fin dag.", "Kul att jag kunde hjälpa till.")
                .add(AGENT_TRANSFER, "Jag kopplar dig vidare till en kollega i specialistteamet.")
                .agentNames("Erik", "Elin", "Oskar", "Maja", "Linnea")
                .topic(
                        ORDER_STATUS,
                        "Du ser status för din order i appen under Köp.",
                        List.of("Din order skickades i morse, spårningslänken kommer via mejl."),
                        "var är min beställning?",
                        "jag beställde förra veckan och har inte hört något")
                .topic(
                        DELIVERY_TRACKING,
                        "Det kan ta upp till 48 timmar innan spårningen uppdateras.",
                        List.of("Jag har startat en efterforskning hos transportören och pausat din betalning."),
                        "spårningen visar ingenting",
                        "det står levererat men jag har inte fått paketet")
                .topic(
                        PASSWORD_RESET,
                        "Du kan återställa lösenordet via 'Glömt lösenord' på inloggningssidan.",
                        List.of("Jag har skickat en ny länk som gäller i 30 minuter."),
                        "kan inte logga in, glömt lösenordet",
                        "mejlet för att återställa lösenordet kommer aldrig")
                .topic(
                        REFUND_STATUS,
                        "Återbetalningar görs när butiken bekräftat returen. Det kan ta 5-7 bankdagar.",
                        List.of("Butiken har bekräftat returen, pengarna syns inom 2-3 bankdagar."),
                        "var är min återbetalning?",
                        "skickade tillbaka för två veckor sen och inga pengar än")
                .topic(
                        PAYMENT_FAILED,
                        "Betalningar kan misslyckas om kortuppgifterna är inaktuella. Kontrollera kortet i appen.",
                        List.of("Jag har återställt betalningsförsöket, testa igen nu."),
                        "min betalning går inte igenom",
                        "kortet nekas fast det finns pengar")
                .topic(
                        CHANGE_ADDRESS,
                        "Du kan ändra leveransadressen så länge ordern inte har skickats.",
                        List.of("Jag har uppdaterat leveransadressen på din order."),
                        "jag behöver ändra leveransadress",
                        "fel adress på min beställning")
                .topic(
                        RETURN_ITEM,
                        "För att göra en retur, gå till Köp och tryck på 'Rapportera retur'.",
                        List.of("Jag har registrerat returen och mejlat en ny returetikett."),
                        "hur returnerar jag en vara?",
                        "returetiketten fungerar inte")
                .topic(
                        INVOICE_COPY,
                        "Du kan ladda ner fakturan som PDF under Köp > Orderdetaljer > Faktura.",
                        List.of("Jag har mejlat en kopia av fakturan till dig."),
                        "kan jag få en kopia på fakturan",
                        "behöver fakturan till jobbet")
                .topic(
                        FRAUD_DISPUTE,
                        "Om du inte känner igen ett köp kan du rapportera det under Köp > Rapportera problem.",
                        List.of("Jag har spärrat köpet och öppnat en tvist, du behöver inte betala under utredningen."),
                        "det finns ett köp jag inte har gjort",
                        "någon har använt mitt konto!!")
                .topic(
                        CHARGED_TWICE,
                        "Ibland visas en väntande betalning två gånger. Dubbletten försvinner inom 7 dagar.",
                        List.of("Den andra dragningen var en dubblett, jag har återbetalat den."),
                        "jag har blivit debiterad två gånger",
                        "ni drog pengarna två gånger")
                .topic(
                        ACCOUNT_LOCKED,
                        "Av säkerhetsskäl låses kontot efter flera misslyckade försök. Spärren hävs efter 24 timmar.",
                        List.of("Jag har verifierat dig och låst upp kontot."),
                        "mitt konto är låst",
                        "jag kommer inte in på mitt konto")
                .topic(
                        COMPLAINT,
                        "Jag beklagar. Du kan lämna ett klagomål via formuläret i hjälpcentret.",
                        List.of("Jag har registrerat ditt klagomål med prioritet och lagt in en kompensation."),
                        "jag vill klaga",
                        "er service är urusel")
                .build();
    }
}
