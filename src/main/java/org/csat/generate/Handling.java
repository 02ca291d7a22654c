package org.csat.generate;

/** Who ended up handling a generated conversation: recorded in the ground-truth file. */
enum Handling {
    /** The bot took the first turn and no human joined. */
    BOT_ONLY,
    /** The bot took the first turn and passed the customer to a human agent. */
    ESCALATED,
    /** A human agent handled it from the start. */
    HUMAN
}
