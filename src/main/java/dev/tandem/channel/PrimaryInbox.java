package dev.tandem.channel;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start customers need somewhere to write: the website's inbox, created before the node
 * reports ready. Without it the first inbox an admin made (for one team, say) would become the one the
 * demo page and widgets without a key write to, because the primary inbox is the oldest.
 */
@Component
class PrimaryInbox implements ApplicationRunner {

    private final WidgetInboxes inboxes;

    PrimaryInbox(WidgetInboxes inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    public void run(ApplicationArguments args) {
        inboxes.primary();
    }
}
