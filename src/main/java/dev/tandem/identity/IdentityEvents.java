package dev.tandem.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Events the identity module publishes; the audit log records them. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record UserSignedIn(String username, String remoteIp, Instant at) {
    }

    /** Signed out of the workspace; {@code userId} is null when the account no longer exists. */
    public record UserSignedOut(UUID userId, String username, Instant at) {
    }

    public record SignInFailed(String username, String remoteIp, String reason, Instant at) {
    }

    public record UserCreated(UUID userId, String username, Set<Role> roles, String by, Instant at) {
    }

    public record UserChanged(UUID userId, String username, String change, String by, Instant at) {
    }

    public record UserRolesChanged(UUID userId, String username, Set<Role> before, Set<Role> after, String by,
            Instant at) {
    }

    public record TeamChanged(UUID teamId, String name, String change, String by, Instant at) {
    }

    /** Conversations and inboxes of this team fall back to no team (visible to every agent). */
    public record TeamDeleted(UUID teamId, String name, String by, Instant at) {
    }

    public record ApiTokenIssued(UUID tokenId, String tokenName, String owner, String by, Instant at) {
    }

    public record ApiTokenRevoked(UUID tokenId, String tokenName, String owner, String by, Instant at) {
    }
}
