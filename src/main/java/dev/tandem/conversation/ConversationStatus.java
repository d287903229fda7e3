package dev.tandem.conversation;

/**
 * Where a conversation stands. {@code AI}: the AI assistant handles it; {@code QUEUED}: waiting
 * for a person; {@code ASSIGNED}: a person handles it; {@code RESOLVED}: done until the customer
 * writes again.
 */
public enum ConversationStatus {
    AI, QUEUED, ASSIGNED, RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
