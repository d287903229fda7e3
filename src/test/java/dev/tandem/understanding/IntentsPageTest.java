package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.FormSession;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/** The admin page: upload with validation, training progress, the model in use, "try a message". */
@TandemTest
class IntentsPageTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    TestAccounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new TestAccounts(userAccounts, teams);
    }

    @Test
    void uploadWatchTrainingAndTryAMessage() throws IOException {
        var admin = FormSession.signIn(port, "admin", "admin-password-for-tests");
        assertThat(admin.get("/admin/intents").body()).contains("Upload intents", "Try a message");

        var refused = admin.upload("/admin/intents", "file", "bad.csv", "text,label\r\nhi,\r\n".getBytes(), Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("bad.csv: line 2: the label is empty");

        var uploaded = admin.upload("/admin/intents", "file", "page-small.csv", IntentsApiTest.smallCsv(), Map.of());
        assertThat(uploaded.statusCode()).isEqualTo(302);
        var api = ApiCaller.basic(port, "admin", "admin-password-for-tests");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!isInUse(api, "page-small.csv")) {
            assertThat(System.nanoTime()).as("training finished in time").isLessThan(deadline);
            sleep();
        }
        // once nothing trains, the polled card asks the page to reload itself
        assertThat(admin.get("/admin/intents/training").headers().firstValue("HX-Refresh")).hasValue("true");

        String page = admin.get("/admin/intents").body();
        assertThat(page).contains("page-small.csv", "Accuracy on a held-out tenth", "refund", "in use");

        String tried = admin.submit("/admin/intents/try", Map.of("text", "I forgot my password again")).body();
        assertThat(tried).contains("Intent <strong class=\"mono\">password</strong>");
        String offTopic = admin.submit("/admin/intents/try", Map.of("text", "what's a good pizza recipe?")).body();
        assertThat(offTopic).contains("Out of scope");
    }

    @Test
    void onlyAdminsSeeThePage() {
        var agent = accounts.agent();
        assertThat(FormSession.signIn(port, agent.username(), TestAccounts.PASSWORD).get("/admin/intents").statusCode())
            .isEqualTo(403);
        assertThat(FormSession.anonymous(port).get("/admin/intents").statusCode()).isIn(302, 401);
    }

    private static boolean isInUse(ApiCaller api, String fileName) {
        var sets = api.get("/api/admin/intents").json();
        for (var set : sets) {
            if (set.get("fileName").asString().equals(fileName)) {
                return set.get("status").asString().equals("READY") && set.get("inUse").asBoolean();
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
