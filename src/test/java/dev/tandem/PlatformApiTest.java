package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** What CONTRACT.md promises besides the conversation calls: health and the OpenAPI document. */
@TandemTest
class PlatformApiTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUp() {
        var health = new TestApi(port).get("/actuator/health").expect(200).json();
        assertThat(TestApi.text(health, "status")).isEqualTo("UP");
        var api = new TestApi(port);
        assertThat(TestApi.text(api.get("/actuator/health/readiness").expect(200).json(), "status")).isEqualTo("UP");
        assertThat(TestApi.text(api.get("/actuator/health/liveness").expect(200).json(), "status")).isEqualTo("UP");
    }

    @Test
    void servesTheOpenApiDocumentOfTheWholeApi() {
        JsonNode document = new TestApi(port).get("/v3/api-docs").expect(200).json();
        assertThat(TestApi.text(document, "openapi")).startsWith("3.");
        JsonNode paths = document.get("paths");
        for (String path : new String[] { "/api/widget/conversations", "/api/widget/conversations/{id}/messages",
                "/api/widget/conversations/{id}", "/api/widget/conversations/{id}/handoff",
                "/api/widget/conversations/{id}/events", "/api/widget/inboxes/{key}", "/api/conversations",
                "/api/conversations/{id}", "/api/conversations/{id}/assign", "/api/conversations/{id}/messages",
                "/api/conversations/{id}/resolve", "/api/conversations/{id}/reopen",
                "/api/conversations/{id}/transfer", "/api/conversations/{id}/handoff", "/api/customers/{id}" }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
