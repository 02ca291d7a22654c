package org.csat.generate;

import static org.csat.generate.Phrase.*;
import static org.csat.generate.Topic.*;

import java.util.List;

/** German wording, with the bot templates translated as a localised bot would ship them. */
final class GermanPhrases {
    private GermanPhrases() {}

    static PhraseBook build() {
        return PhraseBook.builder("de")
                .add(GREETING, "Hallo,", "Hi,", "Guten Tag,", "hallo", "Moin,")
                .add(SHORT_OPENER, "hallo", "Hallo?", "hi")
                .add(POLITE_CLOSING, "Danke", "danke im Voraus", "bitte um Hilfe", "Vielen Dank!")
                .add(ANNOYED_ADDON, "Ich warte schon ewig.", "Das nervt langsam.", "Das sollte doch einfach sein.")
                .add(
                        ANGRY_ADDON,
                        "Das ist eine Frechheit.",
                        "Ich bin echt sauer.",
                        "Unmöglich!",
                        "Das muss HEUTE noch geklärt werden.")
                .add(
                        REPEAT_OPENER,
                        "Ich habe mich deswegen schon gemeldet.",
                        "Ich schreibe zum zweiten Mal.",
                        "Es ist immer noch nicht geklärt.")
                .add(ORDER_DETAIL, "meine Bestellnummer ist {order}", "Bestellung {order}", "{order}")
                .add(
                        CONFIRM,
                        "hat geklappt, danke!",
                        "super, alles erledigt 👍",
                        "vielen Dank, perfekt",
                        "ok jetzt funktioniert es 🙂")
                .add(SHORT_ACK, "ok", "danke", "alles klar", "ok danke")
                .add(NO_MORE, "nein danke", "nein, das war alles", "nö")
                .add(
                        FRUSTRATION,
                        "das bringt nichts",
                        "funktioniert immer noch nicht",
                        "Sie helfen mir überhaupt nicht",
                        "so ein Witz 😡",
                        "vergessen Sie es")
                .add(
                        ASK_HUMAN,
                        "kann ich mit einem Menschen sprechen",
                        "Mitarbeiter bitte",
                        "MENSCH",
                        "ich will mit jemandem reden",
                        "bitte an einen echten Mitarbeiter weiterleiten")
                .add(NOT_UNDERSTOOD, "das war nicht meine Frage", "nein, das hilft nicht", "Sie verstehen mich nicht")
                .add(REPHRASE_PREFIX, "Wie gesagt,", "nochmal:", "")
                .add(WAITING, "hallo?", "?", "ist da jemand?", "ich warte...")
                .add(FOLLOWUP_QUESTION, "wie lange dauert das?", "bekomme ich eine E-Mail?", "und was mache ich jetzt?")
                .add(STILL_HERE, "ja", "ja sorry", "bin noch da")
                .add(PII_EMAIL, "meine E-Mail ist {email}", "E-Mail: {email}")
                .add(PII_PHONE, "meine Nummer ist {phone}", "rufen Sie mich an unter {phone}")
                .add(PII_CARD, "meine Kartennummer ist {card}", "Karte {card}")
                .add(PII_IBAN, "meine IBAN ist {iban}", "bitte auf {iban} überweisen")
                .add(PII_HANDLE, "ich habe euch auch auf Instagram geschrieben, {handle}")
                .add(BOT_GREETING, "Hallo! Ich bin dein virtueller Assistent. Wie kann ich dir heute helfen?")
                .add(BOT_FALLBACK, "Entschuldigung, das habe ich nicht verstanden. Kannst du es anders formulieren?")
                .add(
                        BOT_ASK_ORDER,
                        "Kannst du mir bitte deine Bestellnummer nennen? Du findest sie in deiner Bestätigungs-E-Mail.")
                .add(BOT_DID_IT_HELP, "Hat dir das weitergeholfen?")
                .add(BOT_ANYTHING_ELSE, "Kann ich dir sonst noch helfen?")
                .add(BOT_HANDOFF, "Ich verbinde dich mit einem unserer Mitarbeiter. Einen Moment bitte.")
                .add(BOT_NO_AGENTS, "Alle Mitarbeiter sind gerade beschäftigt. Bitte versuche es später noch einmal.")
                .add(BOT_GOODBYE, "Danke für deine Nachricht! Einen schönen Tag noch.")
                .add(
                        AGENT_GREETING,
                        "Hallo, ich bin {name}! Wie kann ich helfen?",
                        "Guten Tag, hier ist {name}. Danke fürs Warten.")
                .add(
                        AGENT_HANDOFF_GREETING,
                        "Hallo, ich bin {name} und habe den Chat mit unserem Assistenten gelesen.",
                        "Hallo, hier ist {name}, entschuldige die Wartezeit.")
                .add(AGENT_EMPATHY, "Das tut mir wirklich leid.", "Ich verstehe, dass das ärgerlich ist.")
                .add(AGENT_ASK_ORDER, "Kannst du mir die Bestellnummer geben?", "Wie lautet die Bestellnummer?")
                .add(AGENT_CHECKING, "Einen Moment bitte, ich schaue nach.", "Danke, ich prüfe das kurz.")
                .add(
                        AGENT_FOLLOWUP_ANSWER,
                        "Das dauert normalerweise 3-5 Werktage.",
                        "Ja, du bekommst gleich eine Bestätigung per E-Mail.",
                        "Von deiner Seite ist nichts weiter nötig.")
                .add(
                        AGENT_UNRESOLVED,
                        "Leider kann ich das von hier nicht lösen. Ich habe es an unser Fachteam weitergegeben, du hörst innerhalb von 3-5 Werktagen von uns.",
                        "Wir müssen leider auf die Antwort des Händlers warten.")
                .add(AGENT_STILL_THERE, "Bist du noch da?")
                .add(AGENT_CLOSING, "Gern geschehen! Schönen Tag noch.", "Freut mich, dass ich helfen konnte.")
                .add(AGENT_TRANSFER, "Ich leite dich an eine Kollegin im Fachteam weiter.")
                .agentNames("Lukas", "Anna", "Jonas", "Lena", "Felix")
                .topic(
                        ORDER_STATUS,
                        "Den aktuellen Status deiner Bestellung findest du in der App unter Käufe.",
                        List.of("Deine Bestellung wurde heute verschickt, den Tracking-Link bekommst du per E-Mail."),
                        "wo ist meine Bestellung?",
                        "ich habe letzte Woche bestellt und nichts mehr gehört")
                .topic(
                        DELIVERY_TRACKING,
                        "Es kann bis zu 48 Stunden dauern, bis die Sendungsverfolgung aktualisiert wird.",
                        List.of(
                                "Ich habe einen Nachforschungsauftrag beim Versanddienst gestartet und deine Zahlung pausiert."),
                        "die Sendungsverfolgung zeigt nichts an",
                        "laut Tracking zugestellt, aber ich habe nichts bekommen")
                .topic(
                        PASSWORD_RESET,
                        "Du kannst dein Passwort über 'Passwort vergessen' auf dem Login-Bildschirm zurücksetzen.",
                        List.of("Ich habe dir einen neuen Link geschickt, er ist 30 Minuten gültig."),
                        "ich kann mich nicht einloggen, Passwort vergessen",
                        "die E-Mail zum Zurücksetzen kommt nie an")
                .topic(
                        REFUND_STATUS,
                        "Erstattungen werden bearbeitet, sobald der Händler die Retoure bestätigt. Das kann 5-7 Werktage dauern.",
                        List.of("Der Händler hat die Retoure bestätigt, die Erstattung ist in 2-3 Werktagen da."),
                        "wo bleibt meine Erstattung?",
                        "ich habe vor zwei Wochen zurückgeschickt und noch kein Geld")
                .topic(
                        PAYMENT_FAILED,
                        "Zahlungen können fehlschlagen, wenn die Kartendaten veraltet sind. Bitte prüfe deine Karte in der App.",
                        List.of("Ich habe den Zahlungsversuch zurückgesetzt, bitte versuche es jetzt noch einmal."),
                        "meine Zahlung geht immer schief",
                        "da steht immer \"Zahlung abgelehnt\", obwohl Geld drauf ist")
                .topic(
                        CHANGE_ADDRESS,
                        "Du kannst die Lieferadresse ändern, solange die Bestellung noch nicht versandt wurde.",
                        List.of("Ich habe die Lieferadresse in deiner Bestellung geändert."),
                        "ich muss meine Lieferadresse ändern",
                        "falsche Adresse in der Bestellung")
                .topic(
                        RETURN_ITEM,
                        "Um eine Retoure zu starten, gehe zu Käufe und tippe auf 'Retoure melden'.",
                        List.of("Ich habe die Retoure registriert und dir ein neues Rücksendeetikett geschickt."),
                        "wie kann ich etwas zurückschicken?",
                        "das Rücksendeetikett funktioniert nicht")
                .topic(
                        INVOICE_COPY,
                        "Deine Rechnung kannst du unter Käufe > Bestelldetails > Rechnung als PDF herunterladen.",
                        List.of("Ich habe dir eine Kopie der Rechnung per E-Mail geschickt."),
                        "kann ich eine Kopie meiner Rechnung bekommen",
                        "ich brauche die Rechnung für die Arbeit")
                .topic(
                        FRAUD_DISPUTE,
                        "Wenn du einen Kauf nicht erkennst, melde ihn unter Käufe > Problem melden.",
                        List.of(
                                "Ich habe den Kauf gesperrt und einen Disput eröffnet, du musst vorerst nichts zahlen."),
                        "da ist ein Kauf auf meinem Konto, den ich nicht gemacht habe",
                        "jemand hat mit meinem Konto eingekauft!!")
                .topic(
                        CHARGED_TWICE,
                        "Manchmal erscheint eine ausstehende Zahlung doppelt. Das verschwindet automatisch innerhalb von 7 Tagen.",
                        List.of("Die zweite Zahlung war ein Duplikat, ich habe sie erstattet."),
                        "mir wurde doppelt abgebucht",
                        "ihr habt zweimal abgebucht")
                .topic(
                        ACCOUNT_LOCKED,
                        "Aus Sicherheitsgründen wird das Konto nach mehreren Fehlversuchen gesperrt. Die Sperre endet nach 24 Stunden.",
                        List.of("Ich habe deine Identität geprüft und das Konto entsperrt."),
                        "mein Konto ist gesperrt",
                        "ich komme nicht mehr in mein Konto")
                .topic(
                        COMPLAINT,
                        "Es tut mir leid. Du kannst eine Beschwerde über das Formular im Hilfe-Center einreichen.",
                        List.of("Ich habe deine Beschwerde mit Priorität aufgenommen und dir eine Gutschrift gegeben."),
                        "ich möchte mich beschweren",
                        "euer Service ist eine Katastrophe")
                .build();
    }
}
