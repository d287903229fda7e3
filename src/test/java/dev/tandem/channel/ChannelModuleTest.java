package dev.tandem.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;


import dev.tandem.channel.WidgetInboxes.WidgetSettingsChanged;
import dev.tandem.identity.IdentityEvents.TeamDeleted;
import dev.tandem.identity.Teams;

/** The channel module with the modules it uses: inbox settings are announced, deleted teams let go. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class ChannelModuleTest {

    @Autowired
    WidgetInboxes inboxes;

    @Autowired
    Teams teams;

    @Test
    void changingTheWidgetIsAnnounced(Scenario scenario) {
        var inbox = inboxes.create(new WidgetInboxes.Settings("Shop", "Acme", "Hi!", "#336699", null));

        scenario.stimulate(() -> inboxes.update(inbox.id(),
                new WidgetInboxes.Settings("Shop", "Acme Outdoors", "Hello!", "#336699", null), "admin"))
            .andWaitForEventOfType(WidgetSettingsChanged.class)
            .matching(event -> event.inboxId().equals(inbox.id()))
            .toArriveAndVerify(event -> assertThat(event.by()).isEqualTo("admin"));
    }

    @Test
    void anInboxOfADeletedTeamFallsBackToNoTeam(Scenario scenario) {
        var team = teams.create("Temp " + UUID.randomUUID().toString().substring(0, 8), "admin");
        var inbox = inboxes.create(new WidgetInboxes.Settings("Shop", "Acme", "Hi!", "#336699", team.id()));

        scenario.publish(new TeamDeleted(team.id(), team.name(), "admin", Instant.now()))
            .andWaitForStateChange(() -> inboxes.byId(inbox.id()).orElseThrow().teamId() == null, detached -> detached)
            .andVerify(detached -> assertThat(inboxes.byId(inbox.id()).orElseThrow().teamId()).isNull());
    }
}
