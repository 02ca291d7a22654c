package org.csat.generate;

/** How the customer left a generated conversation: recorded in the ground-truth file. */
enum Ending {
    /** Resolved and the customer said so. */
    CONFIRMED,
    /** The customer left with a neutral or no last word (resolved or not). */
    QUIET,
    /** Unresolved and the customer's last turn says so. */
    FRUSTRATED,
    /** The customer stopped replying while the other side still expected an answer. */
    ABANDONED
}
