package dev.tandem.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.FormSession;
import dev.tandem.TandemTest;

@TandemTest
class WidgetSettingsPageTest {

    @LocalServerPort
    int port;

    @Autowired
    WidgetInboxes inboxes;

    @Test
    void anAdminEditsTheWidgetAndCopiesTheSnippet() {
        var inbox = inboxes.primary();
        var admin = FormSession.signIn(port, "admin", "admin-password-for-tests");

        var page = admin.get("/admin/widget").body();
        assertThat(page).contains("type=\"color\"", "data-widget-preview", "href=\"/demo\"", "data-copy=\"#embed-snippet\"")
            .contains("&lt;script src=&quot;http://localhost:" + port + "/widget/widget.js&quot; data-inbox=&quot;"
                    + inbox.key() + "&quot; async&gt;&lt;/script&gt;");

        var saved = admin.submit("/admin/widget/" + inbox.id(),
                Map.of("companyName", "Page Co", "greeting", "Welcome from the page test", "color", "#123abc", "teamId", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        var stored = inboxes.byId(inbox.id()).orElseThrow();
        assertThat(stored.companyName()).isEqualTo("Page Co");
        assertThat(stored.color()).isEqualTo("#123abc");
        assertThat(stored.teamId()).isNull();

        var refused = admin.submit("/admin/widget/" + inbox.id(),
                Map.of("companyName", "Kept Co", "greeting", "Kept greeting", "color", "red", "teamId", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The colour must look like", "value=\"Kept Co\"", "Kept greeting");
        assertThat(inboxes.byId(inbox.id()).orElseThrow().companyName()).isEqualTo("Page Co");
    }
}
