package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/** Importing files over the API: every format, archives with hostile entries, and re-imports. */
@TandemTest
class KnowledgeImportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    Articles articles;

    String curator;
    String agent;
    String id;

    @BeforeEach
    void callers() {
        var test = new TestAccounts(accounts, teams);
        curator = test.curator().username();
        agent = test.agent().username();
        id = UUID.randomUUID().toString().substring(0, 8);
    }

    record Upload(int status, String contentType, String body) {

        JsonNode json() {
            return TestApi.JSON.readTree(body);
        }

        JsonNode file(String name) {
            for (JsonNode file : json().get("files")) {
                if (file.get("file").asString().equals(name)) {
                    return file;
                }
            }
            throw new AssertionError(name + " is not in the report " + body);
        }
    }

    @Test
    void importsMarkdownHtmlAndTextAndUpdatesOnReimport() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("boot-care-" + id + ".md", """
                ---
                title: Caring for leather boots
                tags: [boots, care]
                audience: internal
                ---
                Wax them twice a season.
                """.getBytes(StandardCharsets.UTF_8));
        files.put("bootpflege-" + id + ".md", """
                ---
                title: Lederstiefel pflegen
                language: de
                translation_of: boot-care-%s
                ---
                Zweimal pro Saison wachsen.
                """.formatted(id).getBytes(StandardCharsets.UTF_8));
        files.put("Sleeping Bags " + id + ".markdown", "# Store a sleeping bag\n\nLoose, never compressed.\n\n## Washing\n\nRarely."
            .getBytes(StandardCharsets.UTF_8));
        files.put("no-heading-" + id + ".md", "Just text, no heading.".getBytes(StandardCharsets.UTF_8));
        files.put("tent-" + id + ".html", """
                <!DOCTYPE html><html lang="en-GB"><head><title>Pitch a tent</title><style>p{color:red}</style>
                <script>alert('x')</script></head><body><nav><a href="/">Home</a> | <a href="/shop">Shop</a></nav>
                <main><h1>Pitch a tent</h1><p>Choose <strong>flat</strong> ground, see <a href="/guide">our guide</a>.</p>
                <h2>Steps</h2><ol><li>Lay the footprint</li><li>Assemble the poles<ul><li>Shock-corded</li></ul></li></ol>
                <table><tr><th>Tent</th><th>Time</th></tr><tr><td>Solo</td><td>5 min</td></tr></table></main>
                <footer>© Northwind</footer></body></html>""".getBytes(StandardCharsets.UTF_8));
        files.put("opening-hours-" + id + ".txt", "Opening hours\n\nMonday to Friday, 9 to 5.\n"
            .getBytes(StandardCharsets.UTF_8));

        Upload upload = upload(curator, files, "publish=true");
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        assertThat(upload.json().get("counts").get("CREATED").asInt()).isEqualTo(6);
        assertThat(upload.json().get("summary").asString()).startsWith("6 created");

        Article boots = articles.findBySlug("boot-care-" + id).orElseThrow();
        assertThat(boots.title()).isEqualTo("Caring for leather boots");
        assertThat(boots.audience()).isEqualTo(ArticleAudience.INTERNAL);
        assertThat(boots.tags()).containsExactly("boots", "care");
        assertThat(boots.status()).isEqualTo(ArticleStatus.PUBLISHED);
        Article german = articles.findBySlug("bootpflege-" + id).orElseThrow();
        assertThat(german.language()).isEqualTo("de");
        assertThat(german.translationOf()).isEqualTo(boots.id());

        Article bag = articles.findBySlug("sleeping-bags-" + id).orElseThrow();
        assertThat(bag.title()).isEqualTo("Store a sleeping bag");
        assertThat(bag.body()).startsWith("Loose, never compressed.").contains("## Washing");
        assertThat(articles.findBySlug("no-heading-" + id).orElseThrow().title()).isEqualTo("No heading " + id);

        Article tent = articles.findBySlug("tent-" + id).orElseThrow();
        assertThat(tent.title()).isEqualTo("Pitch a tent");
        assertThat(tent.body()).contains("Choose **flat** ground, see our guide.", "## Steps", "1. Lay the footprint",
                "2. Assemble the poles", "    - Shock-corded", "| Tent | Time |", "| Solo | 5 min |")
            .doesNotContain("alert", "color", "Home", "Northwind", "# Pitch a tent", "<");

        Article hours = articles.findBySlug("opening-hours-" + id).orElseThrow();
        assertThat(hours.title()).isEqualTo("Opening hours");
        assertThat(hours.body()).isEqualTo("Monday to Friday, 9 to 5.");

        // the same files again change nothing; a changed one gets a new version and keeps what the file does not say
        files.put("boot-care-" + id + ".md", """
                ---
                title: Caring for leather boots
                tags: [boots, care]
                ---
                Wax them three times a season.
                """.getBytes(StandardCharsets.UTF_8));
        Upload again = upload(curator, files, "publish=false");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.file("boot-care-" + id + ".md").get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(again.file("boot-care-" + id + ".md").get("version").asInt()).isEqualTo(2);
        assertThat(again.file("tent-" + id + ".html").get("outcome").asString()).isEqualTo("UNCHANGED");
        Article reimported = articles.findBySlug("boot-care-" + id).orElseThrow();
        assertThat(reimported.body()).isEqualTo("Wax them three times a season.");
        assertThat(reimported.audience()).as("not said again, so kept").isEqualTo(ArticleAudience.INTERNAL);
        assertThat(reimported.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(articles.versions(reimported.id())).hasSize(2);

        KnowledgeArticlesApiTest.eventually(() -> KnowledgeArticlesApiTest
            .search(ApiCaller.basic(port, agent, TestAccounts.PASSWORD), "pitch tent footprint poles " + id, "customer")
            .contains(tent.id().toString()));
    }

    @Test
    void readsZipArchivesAndRefusesWhatDoesNotBelong() throws IOException {
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            entry(out, "guides/", null);
            entry(out, "guides/return-" + id + ".md", "# Return an item\n\nWithin 30 days.");
            entry(out, "guides/sub/refund-" + id + ".txt", "Refunds\nFive working days.");
            entry(out, "../evil-" + id + ".md", "# Evil\n\nOutside.");
            entry(out, "/etc/passwd-" + id + ".md", "# Absolute");
            entry(out, "logo.png", "\u0089PNG\r\n\u001a\n");
            entry(out, "__MACOSX/._return.md", "junk");
            entry(out, "broken-" + id + ".md", "---\ntitle: [unclosed\n---\nBody");
        }
        Upload upload = upload(curator, Map.of("kb-" + id + ".zip", zip.toByteArray()), "language=en");
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        String archive = "kb-" + id + ".zip!/";
        assertThat(upload.file(archive + "guides/return-" + id + ".md").get("outcome").asString()).isEqualTo("CREATED");
        assertThat(upload.file(archive + "guides/sub/refund-" + id + ".txt").get("outcome").asString())
            .isEqualTo("CREATED");
        assertThat(upload.file(archive + "../evil-" + id + ".md").get("outcome").asString()).isEqualTo("SKIPPED");
        assertThat(upload.file(archive + "../evil-" + id + ".md").get("detail").asString()).contains("unsafe path");
        assertThat(upload.file(archive + "/etc/passwd-" + id + ".md").get("outcome").asString()).isEqualTo("SKIPPED");
        assertThat(upload.file(archive + "logo.png").get("detail").asString()).contains("not a Markdown");
        assertThat(upload.file(archive + "__MACOSX/._return.md").get("outcome").asString()).isEqualTo("SKIPPED");
        JsonNode broken = upload.file(archive + "broken-" + id + ".md");
        assertThat(broken.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(broken.get("detail").asString()).contains("front matter is not valid YAML");
        assertThat(articles.findBySlug("evil-" + id)).isEmpty();
        assertThat(articles.findBySlug("broken-" + id)).isEmpty();
        assertThat(articles.findBySlug("return-" + id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
        TestApi.assertNoInternals(upload.body());
    }

    @Test
    void aZipBombIsStoppedAndBadFilesAreReported() throws IOException {
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("huge-" + id + ".md"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(zip.size()).isLessThan(100_000);
        var files = new LinkedHashMap<String, byte[]>();
        files.put("bomb-" + id + ".zip", zip.toByteArray());
        files.put("latin1-" + id + ".txt", new byte[] { 'C', 'a', 'f', (byte) 0xE9 });
        files.put("photo-" + id + ".jpg", new byte[] { 1, 2, 3 });
        files.put("not-a-zip-" + id + ".zip", "hello".getBytes(StandardCharsets.UTF_8));
        files.put("untranslated-" + id + ".md", ("---\ntranslation_of: nothing-" + id + "\n---\nText")
            .getBytes(StandardCharsets.UTF_8));
        Upload upload = upload(curator, files, "");
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        assertThat(upload.file("bomb-" + id + ".zip!/huge-" + id + ".md").get("detail").asString())
            .contains("larger than 5 MB");
        assertThat(upload.file("latin1-" + id + ".txt").get("detail").asString()).contains("UTF-8");
        assertThat(upload.file("photo-" + id + ".jpg").get("outcome").asString()).isEqualTo("SKIPPED");
        assertThat(upload.file("not-a-zip-" + id + ".zip").get("outcome").asString()).isEqualTo("FAILED");
        assertThat(upload.file("untranslated-" + id + ".md").get("detail").asString()).contains("nothing-" + id);
        assertThat(upload.json().get("counts").get("CREATED").asInt()).isZero();
        assertThat(articles.findBySlug("untranslated-" + id)).isEmpty();
    }

    @Test
    void onlyCuratorsImportAndAnEmptyUploadIsAProblem() {
        Upload refused = upload(agent, Map.of("a-" + id + ".md", "# A".getBytes(StandardCharsets.UTF_8)), "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(articles.findBySlug("a-" + id)).isEmpty();

        Upload empty = upload(curator, Map.of(), "");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");

        Upload badLanguage = upload(curator, Map.of("a-" + id + ".md", "# A".getBytes(StandardCharsets.UTF_8)),
                "language=english");
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.body()).contains("language");
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        if (content != null) {
            out.write(content.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.closeEntry();
    }

    private Upload upload(String username, Map<String, byte[]> files, String query) {
        String boundary = "----tandem" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        List<String> parts = new ArrayList<>();
        files.forEach((name, content) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
            parts.add(name);
        });
        if (files.isEmpty()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"publish\"\r\n\r\nfalse\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/knowledge/imports?" + query))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Upload(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
