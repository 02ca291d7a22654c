package org.csat.cohort;

/** The names of the estimation methods as written in the tables. */
final class Method {
    static final String RAW = "raw";
    static final String STRATIFIED = "stratified";
    static final String IPW = "ipw";
    static final String BEFORE_AFTER = "before_after";
    static final String DID = "did";

    private Method() {}
}
