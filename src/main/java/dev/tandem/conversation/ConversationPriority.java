package dev.tandem.conversation;

/**
 * How soon a person must answer a waiting conversation. The queue shows the most urgent first. Its
 * own type rather than escalation's, because the conversation module cannot depend on escalation
 * (escalation depends on it); the names are the same.
 */
public enum ConversationPriority {
    NORMAL, HIGH, URGENT
}
