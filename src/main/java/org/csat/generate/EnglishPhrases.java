package org.csat.generate;

import static org.csat.generate.Phrase.*;

/** English wording: the largest pools, since about four in five generated chats are English. */
final class EnglishPhrases {
    private EnglishPhrases() {}

    static PhraseBook build() {
        PhraseBook.Builder book = PhraseBook.builder("en")
                .add(GREETING, "Hi,", "Hello,", "hey", "Hi there,", "Good morning,", "hello", "Hi!", "Hey there,")
                .add(SHORT_OPENER, "hi", "hello?", "hey", "Hi", "hello", "helo")
                .add(
                        POLITE_CLOSING,
                        "Thanks",
                        "thank you",
                        "pls help",
                        "Thanks in advance!",
                        "can you help?",
                        "Any help appreciated.",
                        "cheers")
                .add(
                        ANNOYED_ADDON,
                        "I've been waiting for ages.",
                        "This is getting really annoying.",
                        "Not happy about this at all.",
                        "Honestly this should be simple.",
                        "I already tried everything in the app.")
                .add(
                        ANGRY_ADDON,
                        "This is ridiculous.",
                        "I'm so fed up with this.",
                        "Fix this NOW.",
                        "Absolutely unacceptable!",
                        "Worst service ever.",
                        "I want this sorted TODAY.",
                        "Do you even read these messages?")
                .add(
                        REPEAT_OPENER,
                        "I already contacted you about this.",
                        "Writing again because nothing happened.",
                        "This is the second time I'm asking.",
                        "Still not sorted from last time.",
                        "I chatted with you a few days ago and it's still the same.")
                .add(
                        ORDER_DETAIL,
                        "my order number is {order}",
                        "order {order}",
                        "it's {order}",
                        "{order}",
                        "Order nr {order}",
                        "the order is {order} if that helps")
                .add(
                        CONFIRM,
                        "that worked, thanks!",
                        "perfect, all sorted 👍",
                        "great thank you so much",
                        "ok that fixed it",
                        "brilliant, thanks for your help",
                        "yes it works now 🙂",
                        "thanks, that's exactly what I needed",
                        "amazing, thank you!!",
                        "Got it, thanks a lot 🙏")
                .add(SHORT_ACK, "ok", "thx", "ok thanks", "k", "alright", "ok.", "fine")
                .add(NO_MORE, "no thanks", "no that's all", "nope, that's it", "no", "that's everything, bye")
                .add(
                        FRUSTRATION,
                        "this is useless",
                        "still not working",
                        "you're not helping at all",
                        "this is a joke 😡",
                        "forget it",
                        "what a waste of time",
                        "I'll just cancel then",
                        "nothing has changed",
                        "so you can't do anything? great")
                .add(
                        ASK_HUMAN,
                        "can I talk to a real person",
                        "agent please",
                        "HUMAN",
                        "i want to speak to someone",
                        "let me talk to an agent",
                        "real human please",
                        "can you transfer me to a human?",
                        "I need to speak to a person, not a bot",
                        "representative")
                .add(
                        NOT_UNDERSTOOD,
                        "that's not what I asked",
                        "no that doesn't answer my question",
                        "that's not it",
                        "no",
                        "you don't understand",
                        "I know that already")
                .add(REPHRASE_PREFIX, "I said", "again:", "like I said,", "ok so", "")
                .add(WAITING, "hello?", "?", "anyone there?", "hellooo", "still waiting...", "??")
                .add(
                        FOLLOWUP_QUESTION,
                        "how long will it take?",
                        "will I get an email?",
                        "so what do I do now?",
                        "when will it be fixed?",
                        "do I need to do anything else?")
                .add(STILL_HERE, "yes", "yes sorry", "still here", "yep")
                .add(
                        PII_EMAIL,
                        "my email is {email}",
                        "you can reach me at {email}",
                        "email: {email}",
                        "it's registered to {email}")
                .add(
                        PII_PHONE,
                        "call me on {phone}",
                        "my number is {phone}",
                        "phone {phone}",
                        "you can text me at {phone}")
                .add(PII_CARD, "my card number is {card}", "the card is {card}", "card {card} if you need it")
                .add(PII_IBAN, "my IBAN is {iban}", "refund it to {iban} please", "bank account {iban}")
                .add(
                        PII_HANDLE,
                        "I also messaged you on twitter, I'm {handle}",
                        "my insta is {handle}",
                        "I wrote to you as {handle} on X")
                .add(BOT_GREETING, "Hi! I'm your virtual assistant. How can I help you today?")
                .add(BOT_FALLBACK, "Sorry, I didn't quite get that. Could you rephrase?")
                .add(
                        BOT_ASK_ORDER,
                        "Could you please share your order number? You can find it in your confirmation email.")
                .add(BOT_DID_IT_HELP, "Did this answer your question?")
                .add(BOT_ANYTHING_ELSE, "Is there anything else I can help you with?")
                .add(BOT_HANDOFF, "I'll connect you with one of our agents. Please hold on.")
                .add(
                        BOT_NO_AGENTS,
                        "All our agents are busy right now. Please try again later or visit our Help Center.")
                .add(BOT_GOODBYE, "Thanks for chatting with us! Have a great day.")
                .add(
                        AGENT_GREETING,
                        "Hi, I'm {name}! How can I help you today?",
                        "Hello, my name is {name}. Thanks for waiting.",
                        "Hi there, {name} here. Let me take a look at this for you.",
                        "Hi! This is {name} from customer support.")
                .add(
                        AGENT_HANDOFF_GREETING,
                        "Hi, I'm {name}, I've read through your chat with our assistant. Let me help you from here.",
                        "Hello, {name} here, sorry for the wait. I can see what you wrote earlier.",
                        "Hi, my name is {name} and I'll take over from here.")
                .add(
                        AGENT_EMPATHY,
                        "I'm really sorry about the trouble.",
                        "I understand how frustrating this is.",
                        "Sorry for the inconvenience, let's get this sorted.")
                .add(
                        AGENT_ASK_ORDER,
                        "Could you give me your order number please?",
                        "Can you confirm the order number?",
                        "What's the order number?")
                .add(
                        AGENT_CHECKING,
                        "One moment please, I'm checking this.",
                        "Thanks, give me a minute to look into it.",
                        "Let me check that for you.",
                        "Bear with me while I look this up.")
                .add(
                        AGENT_FOLLOWUP_ANSWER,
                        "It usually takes 3-5 business days.",
                        "Yes, you'll get an email confirmation shortly.",
                        "Nothing else needed from your side.",
                        "You'll see the update in the app within a day.",
                        "No, you're all set.")
                .add(
                        AGENT_UNRESOLVED,
                        "I'm sorry, I can't fix this from here. I've passed it on to our specialist team and they'll email you within 3-5 business days.",
                        "Unfortunately I don't have access to change this. I've created a ticket and someone will get back to you.",
                        "I'm afraid we need to wait for the store to respond before I can do anything.")
                .add(AGENT_STILL_THERE, "Are you still there?", "Just checking in, are you still with me?")
                .add(
                        AGENT_CLOSING,
                        "You're welcome! Have a great day.",
                        "Glad I could help. Take care!",
                        "Happy to help, have a nice evening!",
                        "Anytime! Have a good one.")
                .add(
                        AGENT_TRANSFER,
                        "I'll transfer you to a colleague in our specialist team.",
                        "Let me pass you to a colleague who can look into this further.")
                .agentNames("Sara", "James", "Emily", "Tom", "Priya", "Daniel", "Chloe", "Marcus", "Aisha", "Ben");
        EnglishTopics.addTo(book);
        return book.build();
    }
}
