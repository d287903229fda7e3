package dev.tandem.knowledge;

/** Who a search answers: internal articles are for agents only, never for customer answers. */
public enum Audience {
    CUSTOMER,
    AGENT
}
