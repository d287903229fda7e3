package dev.tandem.identity;

public enum Role {
    ADMIN, SUPERVISOR, AGENT, CURATOR
}
