package dev.tandem.understanding;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A fact named in a message: an order number, an email address, an amount of money, a phone number.
 *
 * @param type what kind of fact
 * @param text as the customer wrote it
 * @param value normalised: an order number in capitals, an email in lower case, an amount as
 *     {@code "650.00 USD"} (only amounts with a currency are found), a phone number's digits
 * @param start where it starts in the message (a UTF-16 index)
 * @param end where it ends, exclusive
 */
public record Entity(EntityType type, String text, String value, int start, int end) {

    /** The number of an amount of money. */
    public Optional<BigDecimal> amount() {
        if (type != EntityType.AMOUNT) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.split(" ")[0]));
    }
}
