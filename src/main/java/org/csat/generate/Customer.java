package org.csat.generate;

/** A customer of the pool: the stable attributes every contact of theirs shares. */
record Customer(String id, Language language, String market, String product, WritingStyle style) {}
