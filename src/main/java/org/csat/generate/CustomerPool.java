package org.csat.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The customers seen so far. A new contact comes from a returning customer with a fixed
 * probability (on a new, unrelated question), otherwise from a new customer; repeat
 * contacts about an unresolved problem bypass the pool and reuse their customer directly.
 */
final class CustomerPool {
    private static final double RETURNING_SHARE = 0.15;
    private static final String[] PRODUCTS = {"pay-later", "pay-in-3", "card"};
    private static final double[] PRODUCT_WEIGHTS = {40, 35, 25};

    private final List<Customer> customers = new ArrayList<>();

    Customer nextContact(Dice dice) {
        if (!customers.isEmpty() && dice.chance(RETURNING_SHARE)) {
            return customers.get(dice.between(0, customers.size() - 1));
        }
        Language language = Language.draw(dice);
        Customer customer = new Customer(
                "cust-" + (customers.size() + 1),
                language,
                language.drawMarket(dice),
                PRODUCTS[dice.weighted(PRODUCT_WEIGHTS)],
                WritingStyle.draw(dice));
        customers.add(customer);
        return customer;
    }
}
