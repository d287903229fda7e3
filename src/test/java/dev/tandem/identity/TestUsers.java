package dev.tandem.identity;

import java.util.UUID;

import dev.tandem.ApiCaller;

/** Users created through the admin API for a test, each with a fresh name so tests never share one. */
final class TestUsers {

    static final String PASSWORD = "a-long-password-123";

    private TestUsers() {
    }

    record Created(String id, String username, ApiCaller caller) {
    }

    static Created create(int port, String role) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = ApiCaller.basic(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD);
        var reply = admin.post("/api/admin/users", """
                {"username": "%s", "displayName": "%s", "password": "%s", "roles": ["%s"]}"""
            .formatted(username, username, PASSWORD, role));
        if (reply.status() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + reply);
        }
        return new Created(reply.json().get("id").asString(), username, ApiCaller.basic(port, username, PASSWORD));
    }
}
