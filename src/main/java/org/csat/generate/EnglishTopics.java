package org.csat.generate;

import static org.csat.generate.Topic.*;

import java.util.List;

/** English problem statements, bot answers and agent resolutions for each {@link Topic}. */
final class EnglishTopics {
    private EnglishTopics() {}

    static void addTo(PhraseBook.Builder book) {
        book.topic(
                        ORDER_STATUS,
                        "You can see the latest status of your order under Purchases in the app. Orders usually ship within 1-3 business days.",
                        List.of(
                                "I've checked and your order shipped this morning, you'll get the tracking link by email today.",
                                "Your order is with the courier and should arrive tomorrow. I've sent the tracking details to your email."),
                        "where is my order?",
                        "I placed an order last week and haven't heard anything since",
                        "can you tell me the status of my order",
                        "my order still says processing, is it actually coming?",
                        "Has my order been shipped yet?")
                .topic(
                        DELIVERY_TRACKING,
                        "Tracking updates can take up to 48 hours to appear. If your parcel is marked as delivered but hasn't arrived, please check with neighbours and your local pickup point.",
                        List.of(
                                "I've opened an investigation with the courier and paused your payment until it's found.",
                                "The carrier confirmed the parcel is at your local pickup point, you can collect it from today."),
                        "the tracking link doesn't show anything",
                        "my parcel says delivered but I never got it",
                        "Tracking hasn't updated in 5 days.",
                        "where's my package? tracking is stuck")
                .topic(
                        PASSWORD_RESET,
                        "You can reset your password by tapping 'Forgot password' on the login screen. The reset link is valid for 30 minutes.",
                        List.of(
                                "I've sent you a new reset link, it's valid for 30 minutes. Please try it now.",
                                "I've cleared the old reset request, you should be able to set a new password now."),
                        "I can't log in, forgot my password",
                        "the password reset email never arrives",
                        "How do I reset my password?",
                        "reset link says \"expired\" every time")
                .topic(
                        REFUND_STATUS,
                        "Refunds are processed as soon as the store confirms your return. It can take 5-7 business days for the money to show in your account.",
                        List.of(
                                "The store confirmed your return and I've pushed the refund through, you'll see it in 2-3 business days.",
                                "I can see the refund was issued yesterday; I've sent you the confirmation by email."),
                        "Where is my refund?",
                        "I returned my items two weeks ago and still no refund",
                        "when will I get my money back",
                        "the shop says they refunded me but I don't see it")
                .topic(
                        PAYMENT_FAILED,
                        "Payments can fail if the card details are outdated or the card has insufficient funds. Please check your card details in the app and try again.",
                        List.of(
                                "I've reset the payment attempt, please try again now and it should go through.",
                                "There was a temporary block on your card from our side, I've removed it."),
                        "my payment keeps failing",
                        "Card got declined at checkout but I have money on it",
                        "payment didn't go through, what's wrong?",
                        "I get an error when I try to pay my installment",
                        "it just says \"Payment could not be processed\" every time")
                .topic(
                        CHANGE_ADDRESS,
                        "You can change the delivery address as long as the order hasn't shipped. Go to Purchases, choose the order and tap 'Edit address'.",
                        List.of(
                                "I've updated the delivery address on your order.",
                                "Done, the new address is saved and the courier has been notified."),
                        "I need to change my delivery address",
                        "I moved, how do I update my address?",
                        "wrong address on my order, can you fix it")
                .topic(
                        RETURN_ITEM,
                        "To start a return, go to Purchases, choose the order and tap 'Report a return'. We'll pause your payments while the store handles it.",
                        List.of(
                                "I've registered the return and emailed you a new return label. Your payments are paused meanwhile.",
                                "I've paused your payment while the store processes your return."),
                        "how do I return an item?",
                        "I want to send back a pair of shoes, how does that work",
                        "The return label doesn't work",
                        "I returned something but it still shows I have to pay for it")
                .topic(
                        INVOICE_COPY,
                        "You can download your invoice as a PDF under Purchases > Order details > Invoice.",
                        List.of(
                                "I've emailed you a copy of the invoice just now.",
                                "The invoice is on its way to your email address."),
                        "can I get a copy of my invoice",
                        "I need the invoice for my purchase for work",
                        "where can I download my receipt?")
                .topic(
                        FRAUD_DISPUTE,
                        "I'm sorry to hear that. If you don't recognise a purchase, you can report it under Purchases > Report a problem > I didn't make this purchase.",
                        List.of(
                                "I've blocked the purchase and opened a dispute, you won't have to pay for it while we investigate.",
                                "I've secured your account and cancelled the orders you don't recognise."),
                        "there's a purchase on my account I didn't make",
                        "someone used my account to buy stuff!!",
                        "I want to dispute a charge, I never ordered this",
                        "I think my account was hacked, there are orders I don't recognise")
                .topic(
                        CHARGED_TWICE,
                        "Sometimes a payment shows twice while it's pending. Pending duplicates disappear automatically within 7 days.",
                        List.of(
                                "You're right, the second payment was a duplicate. I've refunded it, it'll be back in 3-5 business days.",
                                "I've cancelled the duplicate charge, you'll only pay once."),
                        "I was charged twice for the same order",
                        "you took the payment two times",
                        "double charge on my card, please fix",
                        "why do I see the same payment twice on my statement?")
                .topic(
                        ACCOUNT_LOCKED,
                        "For your security, accounts are locked after several failed login attempts. The lock is lifted automatically after 24 hours.",
                        List.of(
                                "I've verified your identity and unlocked your account, you can log in again now.",
                                "Your account is unlocked, please set a new password when you log in."),
                        "my account is locked",
                        "it says my account is blocked and I can't pay anything",
                        "I can't access my account, it says suspended",
                        "account locked after I typed the wrong code",
                        "the app says \"Your account has been temporarily locked\", why??")
                .topic(
                        COMPLAINT,
                        "I'm sorry to hear about your experience. You can submit a complaint through our complaints form in the Help Center.",
                        List.of(
                                "I've logged your complaint with a priority flag and added a goodwill credit to your account.",
                                "Thank you for telling us, I've escalated this to our complaints team and waived the late fee."),
                        "I want to make a complaint",
                        "Your service has been terrible",
                        "I'm really unhappy with how my case was handled",
                        "nobody answers my emails, I want to complain");
    }
}
