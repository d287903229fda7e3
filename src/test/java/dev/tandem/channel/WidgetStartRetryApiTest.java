package dev.tandem.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A widget whose first request's answer got lost retries it; that must not open a second conversation. */
@TandemTest
class WidgetStartRetryApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aRetriedStartReturnsTheSameConversationWithAWorkingToken() throws Exception {
        String clientMessageId = UUID.randomUUID().toString();
        String body = "{\"message\":\"Where is my order?\",\"clientMessageId\":\"" + clientMessageId + "\"}";

        HttpResponse<String> first = start(body);
        HttpResponse<String> retry = start(body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        JsonNode original = JSON.readTree(first.body());
        JsonNode again = JSON.readTree(retry.body());
        assertThat(again.get("id")).isEqualTo(original.get("id"));
        assertThat(again.get("messages")).hasSize(1);
        for (JsonNode started : new JsonNode[] { original, again }) {
            var read = http.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + started.get("id").asString()))
                .header("X-Conversation-Token", started.get("token").asString()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
        }
    }

    /**
     * Looking a start key up once held a database connection for good (a result stream never closed): after
     * as many starts as the pool has connections, every request waited 30 s and failed. More starts than
     * the pool holds must all go through.
     */
    @Test
    void startsWithRetryKeysDoNotUseUpTheDatabaseConnections() throws Exception {
        for (int i = 0; i < 50; i++) {
            String body = "{\"message\":\"Start " + i + "\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}";
            assertThat(start(body).statusCode()).as("start " + i).isEqualTo(201);
        }
    }

    @Test
    void shortClientIdsAreNotTrustedAsStartKeys() throws Exception {
        String body = "{\"message\":\"Hello\",\"clientMessageId\":\"1\"}";

        JsonNode first = JSON.readTree(start(body).body());
        JsonNode second = JSON.readTree(start(body).body());

        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
    }

    private HttpResponse<String> start(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/widget/conversations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
