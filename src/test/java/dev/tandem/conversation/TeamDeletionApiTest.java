package dev.tandem.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.TandemTest;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Teams;

@TandemTest
class TeamDeletionApiTest {

    @Autowired
    Teams teams;

    @Autowired
    StartConversation start;

    @Autowired
    ConversationQueries queries;

    @Autowired
    WidgetInboxes inboxes;

    @Test
    void conversationsAndInboxesOfADeletedTeamFallBackToNoTeam() throws InterruptedException {
        var team = teams.create("Short-lived " + UUID.randomUUID().toString().substring(0, 8), "test");
        var inbox = inboxes.create(new WidgetInboxes.Settings("Temporary", "Acme", "Hello!", "#112233", team.id()));
        UUID conversation = start.start(new StartConversation.Command(
                new StartConversation.CustomerDetails("Kim", null, null), "Hi there", null, "widget", team.id(),
                ConversationStatus.QUEUED)).conversation().id();

        teams.delete(team.id(), "test");

        for (int i = 0; i < 100 && (queries.summary(conversation).orElseThrow().teamId() != null
                || inboxes.byId(inbox.id()).orElseThrow().teamId() != null); i++) {
            Thread.sleep(50);
        }
        assertThat(queries.summary(conversation).orElseThrow().teamId()).isNull();
        assertThat(inboxes.byId(inbox.id()).orElseThrow().teamId()).isNull();
    }
}
