package dev.tandem.understanding;

/** Kinds of facts found in customers' messages. */
public enum EntityType {
    ORDER_NUMBER, EMAIL, AMOUNT, PHONE
}
