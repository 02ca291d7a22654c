package org.csat.generate;

/**
 * The languages customers write in, with their share of customers, the markets they
 * live in and the wording used for them, read from {@code generate/<code>.txt} by
 * {@link PhraseBookFile}. English is about 80% of customers; the rest is split evenly over
 * German, French, Spanish and Swedish.
 */
enum Language {
    EN("en", 80, new String[] {"UK", "US", "AU", "SE", "DE", "NL"}, new double[] {40, 25, 10, 10, 8, 7}),
    DE("de", 5, new String[] {"DE", "AT"}, new double[] {75, 25}),
    FR("fr", 5, new String[] {"FR", "BE"}, new double[] {80, 20}),
    ES("es", 5, new String[] {"ES"}, new double[] {1}),
    SV("sv", 5, new String[] {"SE"}, new double[] {1});

    private final String code;
    private final double weight;
    private final String[] markets;
    private final double[] marketWeights;
    private final PhraseBook phrases;

    Language(String code, double weight, String[] markets, double[] marketWeights) {
        this.code = code;
        this.weight = weight;
        this.markets = markets;
        this.marketWeights = marketWeights;
        this.phrases = PhraseBookFile.read(code);
    }

    /** The BCP-47 code written to the {@code language} field. */
    String code() {
        return code;
    }

    PhraseBook phrases() {
        return phrases;
    }

    String drawMarket(Dice dice) {
        return markets[dice.weighted(marketWeights)];
    }

    static Language draw(Dice dice) {
        Language[] all = values();
        double[] weights = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            weights[i] = all[i].weight;
        }
        return all[dice.weighted(weights)];
    }
}
