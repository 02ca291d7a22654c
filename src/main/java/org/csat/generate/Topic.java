package org.csat.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The contact reasons the generator draws from, each with its complexity band and its
 * relative frequency among new contacts. The label is what lands in the {@code topic} field.
 */
public enum Topic {
    ORDER_STATUS("order_status", Complexity.LOW, 14),
    DELIVERY_TRACKING("delivery_tracking", Complexity.LOW, 11),
    PASSWORD_RESET("password_reset", Complexity.LOW, 9),
    REFUND_STATUS("refund_status", Complexity.LOW, 12),
    PAYMENT_FAILED("payment_failed", Complexity.MEDIUM, 9),
    CHANGE_ADDRESS("change_address", Complexity.MEDIUM, 7),
    RETURN_ITEM("return_item", Complexity.MEDIUM, 10),
    INVOICE_COPY("invoice_copy", Complexity.MEDIUM, 6),
    FRAUD_DISPUTE("fraud_dispute", Complexity.HIGH, 5),
    CHARGED_TWICE("charged_twice", Complexity.HIGH, 7),
    ACCOUNT_LOCKED("account_locked", Complexity.HIGH, 5),
    COMPLAINT("complaint", Complexity.HIGH, 5);

    private final String label;
    private final Complexity complexity;
    private final int weight;

    Topic(String label, Complexity complexity, int weight) {
        this.label = label;
        this.complexity = complexity;
        this.weight = weight;
    }

    public String label() {
        return label;
    }

    public Complexity complexity() {
        return complexity;
    }

    /** Relative frequency among new contacts (repeat contacts keep their first topic). */
    public int weight() {
        return weight;
    }

    /** The topic with this label, or {@code null} when the label is not one of ours. */
    public static Topic fromLabel(String label) {
        for (Topic topic : values()) {
            if (topic.label.equals(label)) {
                return topic;
            }
        }
        return null;
    }

    /**
     * The complexity band of a topic label as written in the {@code topic} field.
     *
     * @throws IllegalArgumentException for a label the generator does not produce
     */
    public static Complexity complexityOf(String label) {
        Topic topic = fromLabel(label);
        if (topic == null) {
            throw new IllegalArgumentException("unknown topic '" + label + "'");
        }
        return topic.complexity;
    }

    /** All topic labels in declaration order. */
    public static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (Topic topic : values()) {
            labels.add(topic.label);
        }
        return Collections.unmodifiableList(labels);
    }

    /** Share of new contacts that fall in a band, from the topic weights. */
    static double shareOf(Complexity band) {
        int total = 0;
        int inBand = 0;
        for (Topic topic : values()) {
            total += topic.weight;
            if (topic.complexity == band) {
                inBand += topic.weight;
            }
        }
        return (double) inBand / total;
    }
}
