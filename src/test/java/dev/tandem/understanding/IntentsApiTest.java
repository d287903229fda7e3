package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import tools.jackson.databind.JsonNode;

/** Upload a CSV, follow its training in the background, classify with the model it produced. */
@TandemTest
class IntentsApiTest {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    int port;

    ApiCaller admin;

    @BeforeEach
    void signIn() {
        admin = ApiCaller.basic(port, "admin", ADMIN_PASSWORD);
    }

    @Test
    void uploadTrainAndClassify() throws IOException {
        ApiCaller.Reply accepted = upload("admin", "small.csv", smallCsv());
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode set = accepted.json();
        String id = set.get("id").asString();
        assertThat(set.get("examples").asInt()).isEqualTo(30);
        assertThat(set.get("labels").asInt()).isEqualTo(4);

        JsonNode ready = awaitReady(id);
        assertThat(ready.get("inUse").asBoolean()).isTrue();
        assertThat(ready.get("heldOutExamples").asInt()).isEqualTo(4);
        assertThat(ready.get("heldOutAccuracy").isNumber()).isTrue();
        assertThat(ready.get("modelBytes").asInt()).isPositive();
        assertThat(ready.get("progress").get("percent").asInt()).isEqualTo(100);
        assertThat(ready.get("labelCounts").toString()).contains("\"label\":\"refund\",\"examples\":8");

        JsonNode intent = admin.post("/api/admin/intents/classify", "{\"text\": \"where is my parcel? it never came\"}")
            .json();
        assertThat(intent.get("label").asString()).isEqualTo("delivery");
        assertThat(intent.get("outOfScope").asBoolean()).isFalse();
        assertThat(intent.get("confidence").asDouble()).isBetween(0.5, 1.0);

        assertThat(admin.get("/api/admin/intents").json().get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void badFilesAreRefusedAsProblems() {
        ApiCaller.Reply header = upload("admin", "bad.csv", "sentence,intent\r\nhi,greeting\r\n".getBytes());
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.isProblem()).isTrue();
        assertThat(header.detail()).contains("header must be 'text,label'");

        ApiCaller.Reply emptyLabel = upload("admin", "bad.csv", "text,label\r\nhi,greeting\r\nhello,\r\n".getBytes());
        assertThat(emptyLabel.status()).isEqualTo(400);
        assertThat(emptyLabel.detail()).contains("line 3").contains("label is empty");

        ApiCaller.Reply tooFew = upload("admin", "few.csv",
                "text,label\r\nhi,greeting\r\nhello,greeting\r\nbye,farewell\r\n".getBytes());
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.detail()).contains("at least 5 examples");

        ApiCaller.Reply notUtf8 = upload("admin", "latin1.csv", new byte[] { 't', 'e', 'x', 't', (byte) 0xE9 });
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.detail()).contains("UTF-8");

        assertThat(admin.post("/api/admin/intents/classify", "{\"text\": \"\"}").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/intents/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsManageIntents() {
        assertThat(ApiCaller.anonymous(port).get("/api/admin/intents").status()).isEqualTo(401);
    }

    JsonNode awaitReady(String id) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode set = admin.get("/api/admin/intents/" + id).json();
            String status = set.get("status").asString();
            assertThat(status).isNotEqualTo("FAILED");
            if (status.equals("READY") && set.get("inUse").asBoolean()) {
                return set;
            }
            assertThat(System.nanoTime()).as("training finished in time").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static byte[] smallCsv() throws IOException {
        try (InputStream in = IntentsApiTest.class.getResourceAsStream("/intents/small.csv")) {
            return in.readAllBytes();
        }
    }

    ApiCaller.Reply upload(String username, String fileName, byte[] content) {
        String boundary = "----tandem" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/intents"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiCaller.Reply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
