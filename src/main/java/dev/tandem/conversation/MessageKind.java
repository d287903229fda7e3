package dev.tandem.conversation;

/**
 * What a message is beyond its text, for clients that render more than a bubble. Stored with the
 * message; every message written before kinds existed is {@link #PLAIN}.
 */
public enum MessageKind {

    /** An ordinary message. */
    PLAIN,

    /**
     * A system notice that offers the waiting customer a follow-up by email (nobody is online, outside
     * business hours): the widget shows an email form under it.
     */
    FOLLOW_UP_OFFER,

    /**
     * An AI message that offers help articles to choose from: its citations are the choices, which the
     * widget shows as buttons; a click posts the chosen article's title as the customer's message.
     */
    CHOICES
}
