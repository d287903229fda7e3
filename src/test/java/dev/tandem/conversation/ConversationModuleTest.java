package dev.tandem.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;

/**
 * The conversation module on its own (plus identity, which it depends on): its use cases
 * publish the events other modules build on.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class ConversationModuleTest {

    @Autowired
    StartConversation start;

    @Autowired
    AssignConversation assign;

    @Autowired
    ResolveConversation resolve;

    @Autowired
    PostCustomerMessage customerMessage;

    @Autowired
    RequestHandoff handoff;

    @Autowired
    ApplicationContext context;

    @Test
    void bootstrapsOnlyThisModuleAndItsDependencies() {
        assertThat(context.getBeanNamesForType(StartConversation.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(dev.tandem.identity.UserDirectory.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(dev.tandem.channel.WidgetInboxes.class)).isEmpty();
        assertThat(context.getBeanNamesForType(dev.tandem.audit.AuditLog.class)).isEmpty();
    }

    @Test
    void startingPublishesConversationStartedAndTheFirstMessage(Scenario scenario) {
        scenario.stimulate(() -> start.start(command("My boots are too small", "first-1")))
            .andWaitForEventOfType(ConversationStarted.class)
            .matching(event -> event.channel().equals("module-test"))
            .toArriveAndVerify((event, details) -> {
                assertThat(event.conversationId()).isEqualTo(details.conversation().id());
                assertThat(event.status()).isEqualTo(ConversationStatus.QUEUED);
                assertThat(event.customerId()).isEqualTo(details.conversation().customer().id());
            });

        scenario.stimulate(() -> start.start(command("Second conversation", "first-2")))
            .andWaitForEventOfType(MessagePosted.class)
            .matching(event -> event.message().text().equals("Second conversation"))
            .toArriveAndVerify((event, details) -> {
                assertThat(event.conversationId()).isEqualTo(details.conversation().id());
                assertThat(event.message().author()).isEqualTo(AuthorType.CUSTOMER);
                assertThat(event.message().clientMessageId()).isEqualTo("first-2");
                assertThat(event.status()).isEqualTo(ConversationStatus.QUEUED);
            });
    }

    @Test
    void assigningPublishesConversationAssigned(Scenario scenario) {
        UUID id = start.start(command("Take me", null)).conversation().id();
        CurrentUser agent = agent();

        scenario.stimulate(() -> assign.assignToSelf(agent, id))
            .andWaitForEventOfType(ConversationAssigned.class)
            .matching(event -> event.conversationId().equals(id))
            .toArriveAndVerify((event, summary) -> {
                assertThat(event.assigneeId()).isEqualTo(agent.id());
                assertThat(event.previousAssigneeId()).isNull();
                assertThat(event.by()).isEqualTo(agent.username());
                assertThat(summary.status()).isEqualTo(ConversationStatus.ASSIGNED);
            });
    }

    @Test
    void resolvingAndWritingAgainPublishResolvedAndReopened(Scenario scenario) {
        UUID id = start.start(command("Done soon", null)).conversation().id();
        CurrentUser agent = agent();
        assign.assignToSelf(agent, id);

        scenario.stimulate(() -> resolve.resolve(agent, id))
            .andWaitForEventOfType(ConversationResolved.class)
            .matching(event -> event.conversationId().equals(id))
            .toArriveAndVerify(event -> assertThat(event.resolvedById()).isEqualTo(agent.id()));

        scenario.stimulate(() -> customerMessage.post(id, "Not quite done", null))
            .andWaitForEventOfType(ConversationReopened.class)
            .matching(event -> event.conversationId().equals(id))
            .toArriveAndVerify(event -> {
                assertThat(event.status()).isEqualTo(ConversationStatus.QUEUED);
                assertThat(event.by()).isNull();
            });
    }

    @Test
    void askingForAPersonPublishesHandoffRequestedOnce(Scenario scenario) {
        UUID id = start.start(command("A person please", null)).conversation().id();

        scenario.stimulate(() -> handoff.request(id, "asked"))
            .andWaitForEventOfType(HandoffRequested.class)
            .matching(event -> event.conversationId().equals(id))
            .toArriveAndVerify((event, outcome) -> assertThat(outcome.notice()).isPresent());

        assertThat(handoff.request(id, "asked again").notice()).isEmpty();
    }

    static StartConversation.Command command(String text, String clientMessageId) {
        return new StartConversation.Command(new StartConversation.CustomerDetails("Module Test", null, null), text,
                clientMessageId, "module-test", null, ConversationStatus.QUEUED);
    }

    static CurrentUser agent() {
        UUID id = UUID.randomUUID();
        return new CurrentUser(id, "agent-" + id, "Agent " + id, Set.of(Role.AGENT), Set.of());
    }
}
