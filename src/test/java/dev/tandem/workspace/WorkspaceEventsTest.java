package dev.tandem.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;
import dev.tandem.conversation.PostCustomerMessage;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

@TandemTest
class WorkspaceEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    Teams teams;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StartConversation start;

    @Autowired
    PostCustomerMessage customerMessage;

    @Autowired
    WorkspaceStreams streams;

    WorkspaceFixtures fixtures;
    Team team;
    UserSummary agent;
    UUID conversation;

    @BeforeEach
    void aConversation() {
        fixtures = new WorkspaceFixtures(teams, accounts, start);
        team = fixtures.team();
        agent = fixtures.agent("Eve Events", team);
        conversation = fixtures.conversation(WorkspaceFixtures.unique("Sid Stream"), team, "Hello?");
    }

    @Test
    void deliversTheCustomersMessageAndAnInboxChangeToTheWatchingAgent() throws Exception {
        var client = SignedInClient.signIn(port, agent.username(), WorkspaceFixtures.PASSWORD);
        int before = streams.openStreams();
        var response = client.stream("/workspace/events?conversation=" + conversation);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Iterator<String> lines = response.body().iterator();
        awaitOpen(before);

        var posted = customerMessage.post(conversation, "Are you there?", "events-test-1");

        List<String> events = readUntil(lines, List.of("event:message", "event:inbox"));
        assertThat(events).contains("event:message", "data:" + posted.message().id(), "event:inbox");
        response.body().close();
    }

    @Test
    void tellsNoOneAboutConversationsOfTeamsTheyAreNotIn() throws Exception {
        Team other = fixtures.team();
        UserSummary outsider = fixtures.agent("Otto Outsider", other);
        var client = SignedInClient.signIn(port, outsider.username(), WorkspaceFixtures.PASSWORD);
        int before = streams.openStreams();
        var response = client.stream("/workspace/events?conversation=" + conversation);
        Iterator<String> lines = response.body().iterator();
        awaitOpen(before);

        customerMessage.post(conversation, "Secret order details", "events-test-2");
        fixtures.conversation(WorkspaceFixtures.unique("Olga Own"), other, "Mine to see");

        List<String> events = readUntil(lines, List.of("event:inbox"));
        assertThat(events).doesNotContain("event:message");
        response.body().close();
    }

    private void awaitOpen(int before) throws InterruptedException {
        for (int i = 0; i < 100 && streams.openStreams() <= before; i++) {
            Thread.sleep(50);
        }
    }

    /** Reads the stream until every wanted line was seen, or fails after ten seconds. */
    private static List<String> readUntil(Iterator<String> lines, List<String> wanted) throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            while (lines.hasNext() && !seen.containsAll(wanted)) {
                String line = lines.next().replace("event: ", "event:").replace("data: ", "data:");
                synchronized (seen) {
                    seen.add(line);
                }
            }
        });
        reading.get(10, TimeUnit.SECONDS);
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
