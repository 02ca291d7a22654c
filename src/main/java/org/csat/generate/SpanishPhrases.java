package org.csat.generate;

import static org.csat.generate.Phrase.*;
import static org.csat.generate.Topic.*;

import java.util.List;

/** Spanish wording, with the bot templates translated as a localised bot would ship them. */
final class SpanishPhrases {
    private SpanishPhrases() {}

    static PhraseBook build() {
        return PhraseBook.builder("es")
                .add(GREETING, "Hola,", "Buenas,", "hola", "Buenos días,")
                .add(SHORT_OPENER, "hola", "hola?", "buenas")
                .add(POLITE_CLOSING, "Gracias", "gracias de antemano", "ayuda por favor", "¡Muchas gracias!")
                .add(ANNOYED_ADDON, "Llevo días esperando.", "Esto ya cansa.", "Debería ser fácil.")
                .add(ANGRY_ADDON, "Es una vergüenza.", "Estoy harto.", "¡Inaceptable!", "Quiero una solución HOY.")
                .add(
                        REPEAT_OPENER,
                        "Ya os escribí por esto.",
                        "Es la segunda vez que escribo.",
                        "Sigue sin resolverse.")
                .add(ORDER_DETAIL, "mi número de pedido es {order}", "pedido {order}", "{order}")
                .add(
                        CONFIRM,
                        "¡funcionó, gracias!",
                        "perfecto, todo resuelto 👍",
                        "genial muchas gracias",
                        "vale ya funciona 🙂")
                .add(SHORT_ACK, "ok", "vale", "gracias", "ok gracias")
                .add(NO_MORE, "no gracias", "no, eso es todo", "no")
                .add(
                        FRUSTRATION,
                        "esto no sirve para nada",
                        "sigue sin funcionar",
                        "no me estáis ayudando",
                        "esto es una broma 😡",
                        "déjalo")
                .add(
                        ASK_HUMAN,
                        "puedo hablar con una persona",
                        "un agente por favor",
                        "HUMANO",
                        "quiero hablar con alguien",
                        "pásame con un agente")
                .add(NOT_UNDERSTOOD, "eso no es lo que pregunté", "no, eso no me sirve", "no me entiendes")
                .add(REPHRASE_PREFIX, "Repito:", "como dije,", "")
                .add(WAITING, "hola?", "?", "hay alguien?", "sigo esperando...")
                .add(FOLLOWUP_QUESTION, "¿cuánto tarda?", "¿me llegará un correo?", "¿y ahora qué hago?")
                .add(STILL_HERE, "sí", "sí perdona", "sigo aquí")
                .add(PII_EMAIL, "mi correo es {email}", "email: {email}")
                .add(PII_PHONE, "mi número es {phone}", "llamadme al {phone}")
                .add(PII_CARD, "mi número de tarjeta es {card}", "tarjeta {card}")
                .add(PII_IBAN, "mi IBAN es {iban}", "devolvedlo a {iban} por favor")
                .add(PII_HANDLE, "también os escribí en Instagram, soy {handle}")
                .add(BOT_GREETING, "¡Hola! Soy tu asistente virtual. ¿En qué puedo ayudarte hoy?")
                .add(BOT_FALLBACK, "Lo siento, no te he entendido. ¿Puedes reformularlo?")
                .add(
                        BOT_ASK_ORDER,
                        "¿Puedes indicarme tu número de pedido? Lo encontrarás en tu correo de confirmación.")
                .add(BOT_DID_IT_HELP, "¿Esto responde a tu pregunta?")
                .add(BOT_ANYTHING_ELSE, "¿Puedo ayudarte con algo más?")
                .add(BOT_HANDOFF, "Te paso con uno de nuestros agentes. Un momento, por favor.")
                .add(BOT_NO_AGENTS, "Todos nuestros agentes están ocupados. Inténtalo de nuevo más tarde.")
                .add(BOT_GOODBYE, "¡Gracias por escribirnos! Que tengas un buen día.")
                .add(
                        AGENT_GREETING,
                        "Hola, soy {name}. ¿En qué puedo ayudarte?",
                        "Buenas, te atiende {name}. Gracias por esperar.")
                .add(
                        AGENT_HANDOFF_GREETING,
                        "Hola, soy {name}, he leído tu conversación con nuestro asistente.",
                        "Hola, soy {name}, perdona la espera.")
                .add(AGENT_EMPATHY, "Siento mucho las molestias.", "Entiendo que es frustrante.")
                .add(AGENT_ASK_ORDER, "¿Me das el número de pedido?", "¿Cuál es el número de pedido?")
                .add(AGENT_CHECKING, "Un momento, lo reviso.", "Gracias, déjame comprobarlo.")
                .add(
                        AGENT_FOLLOWUP_ANSWER,
                        "Suele tardar de 3 a 5 días laborables.",
                        "Sí, recibirás un correo de confirmación.",
                        "No tienes que hacer nada más.")
                .add(
                        AGENT_UNRESOLVED,
                        "Lo siento, no puedo resolverlo desde aquí. Lo he pasado al equipo especializado y te escribirán en 3-5 días laborables.",
                        "Tenemos que esperar la respuesta de la tienda antes de hacer nada.")
                .add(AGENT_STILL_THERE, "¿Sigues ahí?")
                .add(AGENT_CLOSING, "¡De nada! Que tengas un buen día.", "Me alegra haberte ayudado.")
                .add(AGENT_TRANSFER, "Te transfiero a un compañero del equipo especializado.")
                .agentNames("Lucía", "Javier", "Marta", "Pablo")
                .topic(
                        ORDER_STATUS,
                        "Puedes ver el estado de tu pedido en la app, en Compras.",
                        List.of("Tu pedido salió esta mañana, te llegará el enlace de seguimiento por correo."),
                        "¿dónde está mi pedido?",
                        "hice un pedido la semana pasada y no sé nada")
                .topic(
                        DELIVERY_TRACKING,
                        "El seguimiento puede tardar hasta 48 horas en actualizarse.",
                        List.of("He abierto una investigación con la empresa de transporte y he pausado tu pago."),
                        "el seguimiento no muestra nada",
                        "pone entregado pero no me ha llegado")
                .topic(
                        PASSWORD_RESET,
                        "Puedes restablecer tu contraseña con '¿Olvidaste tu contraseña?' en la pantalla de inicio.",
                        List.of("Te he enviado un nuevo enlace, válido durante 30 minutos."),
                        "no puedo entrar, olvidé la contraseña",
                        "no me llega el correo para cambiar la contraseña")
                .topic(
                        REFUND_STATUS,
                        "Los reembolsos se procesan cuando la tienda confirma la devolución. Puede tardar 5-7 días laborables.",
                        List.of("La tienda confirmó la devolución, verás el reembolso en 2-3 días laborables."),
                        "¿dónde está mi reembolso?",
                        "devolví los artículos hace dos semanas y nada")
                .topic(
                        PAYMENT_FAILED,
                        "Un pago puede fallar si los datos de la tarjeta no están actualizados. Revisa tu tarjeta en la app.",
                        List.of("He reiniciado el intento de pago, prueba de nuevo ahora."),
                        "mi pago no pasa",
                        "me rechaza la tarjeta y tengo saldo")
                .topic(
                        CHANGE_ADDRESS,
                        "Puedes cambiar la dirección mientras el pedido no se haya enviado.",
                        List.of("He actualizado la dirección de entrega de tu pedido."),
                        "tengo que cambiar la dirección de entrega",
                        "la dirección del pedido está mal")
                .topic(
                        RETURN_ITEM,
                        "Para devolver algo, ve a Compras y pulsa 'Notificar devolución'.",
                        List.of("He registrado la devolución y te he enviado una etiqueta nueva."),
                        "¿cómo devuelvo un artículo?",
                        "la etiqueta de devolución no funciona")
                .topic(
                        INVOICE_COPY,
                        "Puedes descargar la factura en PDF en Compras > Detalles > Factura.",
                        List.of("Te acabo de enviar una copia de la factura por correo."),
                        "¿me podéis mandar la factura?",
                        "necesito la factura para el trabajo")
                .topic(
                        FRAUD_DISPUTE,
                        "Si no reconoces una compra, notifícala en Compras > Informar de un problema.",
                        List.of(
                                "He bloqueado la compra y abierto una disputa, no tienes que pagar mientras investigamos."),
                        "hay una compra que yo no hice",
                        "¡¡alguien ha usado mi cuenta!!")
                .topic(
                        CHARGED_TWICE,
                        "A veces un pago pendiente aparece dos veces. El duplicado desaparece en 7 días.",
                        List.of("El segundo cargo era un duplicado, ya lo he reembolsado."),
                        "me habéis cobrado dos veces",
                        "cargo doble en mi tarjeta")
                .topic(
                        ACCOUNT_LOCKED,
                        "Por seguridad, la cuenta se bloquea tras varios intentos fallidos. Se desbloquea en 24 horas.",
                        List.of("He verificado tu identidad y desbloqueado la cuenta."),
                        "mi cuenta está bloqueada",
                        "no puedo entrar en mi cuenta")
                .topic(
                        COMPLAINT,
                        "Lo siento. Puedes presentar una reclamación en el formulario del Centro de ayuda.",
                        List.of("He registrado tu reclamación con prioridad y te he añadido un crédito."),
                        "quiero poner una reclamación",
                        "vuestro servicio es pésimo")
                .build();
    }
}
