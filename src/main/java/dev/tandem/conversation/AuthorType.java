package dev.tandem.conversation;

public enum AuthorType {
    CUSTOMER, AI, AGENT, SYSTEM
}
