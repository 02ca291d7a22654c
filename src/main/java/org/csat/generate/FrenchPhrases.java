package org.csat.generate;

import static org.csat.generate.Phrase.*;
import static org.csat.generate.Topic.*;

import java.util.List;

/** French wording, with the bot templates translated as a localised bot would ship them. */
final class FrenchPhrases {
    private FrenchPhrases() {}

    static PhraseBook build() {
        return PhraseBook.builder("fr")
                .add(GREETING, "Bonjour,", "Salut,", "bonjour", "Bonsoir,")
                .add(SHORT_OPENER, "bonjour", "allo?", "salut")
                .add(POLITE_CLOSING, "Merci", "merci d'avance", "svp aidez-moi", "Merci beaucoup !")
                .add(
                        ANNOYED_ADDON,
                        "J'attends depuis des jours.",
                        "Ça commence à m'énerver.",
                        "Ça devrait être simple.")
                .add(
                        ANGRY_ADDON,
                        "C'est inadmissible.",
                        "J'en ai vraiment marre.",
                        "C'est n'importe quoi !",
                        "Je veux une solution AUJOURD'HUI.")
                .add(
                        REPEAT_OPENER,
                        "Je vous ai déjà contacté pour ça.",
                        "C'est la deuxième fois que j'écris.",
                        "Toujours pas réglé.")
                .add(ORDER_DETAIL, "mon numéro de commande est {order}", "commande {order}", "{order}")
                .add(
                        CONFIRM,
                        "ça marche, merci !",
                        "parfait, tout est réglé 👍",
                        "super merci beaucoup",
                        "ok c'est bon maintenant 🙂")
                .add(SHORT_ACK, "ok", "merci", "d'accord", "ok merci")
                .add(NO_MORE, "non merci", "non c'est tout", "non")
                .add(
                        FRUSTRATION,
                        "ça ne sert à rien",
                        "ça ne marche toujours pas",
                        "vous ne m'aidez pas du tout",
                        "c'est une blague 😡",
                        "laissez tomber")
                .add(
                        ASK_HUMAN,
                        "je peux parler à une vraie personne",
                        "un conseiller svp",
                        "HUMAIN",
                        "je veux parler à quelqu'un",
                        "passez-moi un agent")
                .add(NOT_UNDERSTOOD, "ce n'est pas ma question", "non ça ne répond pas", "vous ne comprenez pas")
                .add(REPHRASE_PREFIX, "Je répète :", "comme je disais,", "")
                .add(WAITING, "allo ?", "?", "il y a quelqu'un ?", "j'attends...")
                .add(
                        FOLLOWUP_QUESTION,
                        "ça prend combien de temps ?",
                        "je vais recevoir un e-mail ?",
                        "je fais quoi maintenant ?")
                .add(STILL_HERE, "oui", "oui pardon", "toujours là")
                .add(PII_EMAIL, "mon e-mail est {email}", "e-mail : {email}")
                .add(PII_PHONE, "mon numéro est le {phone}", "appelez-moi au {phone}")
                .add(PII_CARD, "mon numéro de carte est {card}", "carte {card}")
                .add(PII_IBAN, "mon IBAN est {iban}", "remboursez sur {iban} svp")
                .add(PII_HANDLE, "je vous ai aussi écrit sur Twitter, {handle}")
                .add(BOT_GREETING, "Bonjour ! Je suis votre assistant virtuel. Comment puis-je vous aider ?")
                .add(BOT_FALLBACK, "Désolé, je n'ai pas bien compris. Pouvez-vous reformuler ?")
                .add(
                        BOT_ASK_ORDER,
                        "Pouvez-vous me donner votre numéro de commande ? Il figure dans votre e-mail de confirmation.")
                .add(BOT_DID_IT_HELP, "Cela répond-il à votre question ?")
                .add(BOT_ANYTHING_ELSE, "Puis-je vous aider avec autre chose ?")
                .add(BOT_HANDOFF, "Je vous mets en relation avec un conseiller. Merci de patienter.")
                .add(BOT_NO_AGENTS, "Tous nos conseillers sont occupés. Merci de réessayer plus tard.")
                .add(BOT_GOODBYE, "Merci de nous avoir contactés ! Bonne journée.")
                .add(
                        AGENT_GREETING,
                        "Bonjour, je suis {name} ! Comment puis-je vous aider ?",
                        "Bonjour, ici {name}. Merci de votre patience.")
                .add(
                        AGENT_HANDOFF_GREETING,
                        "Bonjour, je suis {name}, j'ai lu votre échange avec notre assistant.",
                        "Bonjour, {name} à votre service, désolé pour l'attente.")
                .add(AGENT_EMPATHY, "Je suis vraiment désolé pour ce souci.", "Je comprends que ce soit frustrant.")
                .add(
                        AGENT_ASK_ORDER,
                        "Pouvez-vous me donner le numéro de commande ?",
                        "Quel est le numéro de commande ?")
                .add(AGENT_CHECKING, "Un instant, je vérifie.", "Merci, je regarde ça tout de suite.")
                .add(
                        AGENT_FOLLOWUP_ANSWER,
                        "Cela prend en général 3 à 5 jours ouvrés.",
                        "Oui, vous recevrez un e-mail de confirmation.",
                        "Rien de plus à faire de votre côté.")
                .add(
                        AGENT_UNRESOLVED,
                        "Je ne peux malheureusement pas régler cela d'ici. J'ai transmis votre dossier à l'équipe spécialisée, qui vous répondra sous 3 à 5 jours ouvrés.",
                        "Nous devons attendre la réponse du marchand avant de pouvoir agir.")
                .add(AGENT_STILL_THERE, "Êtes-vous toujours là ?")
                .add(AGENT_CLOSING, "Avec plaisir ! Bonne journée.", "Ravi d'avoir pu aider.")
                .add(AGENT_TRANSFER, "Je vous transfère à un collègue de l'équipe spécialisée.")
                .agentNames("Camille", "Julien", "Léa", "Hugo")
                .topic(
                        ORDER_STATUS,
                        "Vous pouvez suivre votre commande dans l'application, rubrique Achats.",
                        List.of("Votre commande a été expédiée ce matin, vous recevrez le lien de suivi par e-mail."),
                        "où est ma commande ?",
                        "j'ai commandé la semaine dernière et toujours rien")
                .topic(
                        DELIVERY_TRACKING,
                        "Le suivi peut mettre jusqu'à 48 heures à se mettre à jour.",
                        List.of("J'ai ouvert une enquête auprès du transporteur et suspendu votre paiement."),
                        "le suivi ne montre rien",
                        "le colis est marqué livré mais je ne l'ai pas reçu")
                .topic(
                        PASSWORD_RESET,
                        "Vous pouvez réinitialiser votre mot de passe via 'Mot de passe oublié' sur l'écran de connexion.",
                        List.of("Je vous ai envoyé un nouveau lien, valable 30 minutes."),
                        "je n'arrive pas à me connecter, mot de passe oublié",
                        "je ne reçois pas l'e-mail de réinitialisation")
                .topic(
                        REFUND_STATUS,
                        "Les remboursements sont traités dès que le marchand confirme le retour. Comptez 5 à 7 jours ouvrés.",
                        List.of("Le marchand a confirmé le retour, le remboursement arrivera sous 2 à 3 jours ouvrés."),
                        "où est mon remboursement ?",
                        "j'ai renvoyé mes articles il y a deux semaines et toujours pas remboursé")
                .topic(
                        PAYMENT_FAILED,
                        "Un paiement peut échouer si les données de la carte ne sont plus à jour. Vérifiez votre carte dans l'application.",
                        List.of("J'ai réinitialisé la tentative de paiement, vous pouvez réessayer maintenant."),
                        "mon paiement ne passe pas",
                        "carte refusée alors que j'ai de l'argent dessus")
                .topic(
                        CHANGE_ADDRESS,
                        "Vous pouvez modifier l'adresse tant que la commande n'est pas expédiée.",
                        List.of("J'ai mis à jour l'adresse de livraison de votre commande."),
                        "je dois changer mon adresse de livraison",
                        "mauvaise adresse sur ma commande")
                .topic(
                        RETURN_ITEM,
                        "Pour un retour, allez dans Achats et appuyez sur 'Signaler un retour'.",
                        List.of("J'ai enregistré le retour et vous ai envoyé une nouvelle étiquette."),
                        "comment je renvoie un article ?",
                        "l'étiquette de retour ne marche pas")
                .topic(
                        INVOICE_COPY,
                        "Vous pouvez télécharger votre facture en PDF dans Achats > Détails > Facture.",
                        List.of("Je viens de vous envoyer une copie de la facture par e-mail."),
                        "je peux avoir une copie de ma facture",
                        "il me faut la facture pour le travail")
                .topic(
                        FRAUD_DISPUTE,
                        "Si vous ne reconnaissez pas un achat, signalez-le dans Achats > Signaler un problème.",
                        List.of("J'ai bloqué l'achat et ouvert un litige, vous n'avez rien à payer pendant l'enquête."),
                        "il y a un achat que je n'ai pas fait",
                        "quelqu'un a utilisé mon compte !!")
                .topic(
                        CHARGED_TWICE,
                        "Un paiement en attente peut apparaître deux fois. Le doublon disparaît sous 7 jours.",
                        List.of("Le second paiement était bien un doublon, je l'ai remboursé."),
                        "j'ai été débité deux fois",
                        "vous avez prélevé deux fois la même commande")
                .topic(
                        ACCOUNT_LOCKED,
                        "Par sécurité, le compte est bloqué après plusieurs tentatives échouées. Le blocage est levé après 24 heures.",
                        List.of("J'ai vérifié votre identité et débloqué votre compte."),
                        "mon compte est bloqué",
                        "je n'ai plus accès à mon compte")
                .topic(
                        COMPLAINT,
                        "Je suis désolé. Vous pouvez déposer une réclamation via le formulaire du centre d'aide.",
                        List.of("J'ai enregistré votre réclamation en priorité et ajouté un geste commercial."),
                        "je veux faire une réclamation",
                        "votre service est catastrophique")
                .build();
    }
}
