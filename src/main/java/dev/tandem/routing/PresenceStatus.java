package dev.tandem.routing;

/** Whether an agent takes new conversations: only ONLINE agents are given conversations automatically. */
public enum PresenceStatus {
    ONLINE, AWAY, OFFLINE
}
