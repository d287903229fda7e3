package dev.tandem.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * Conversation summaries through the API, as customers and an agent talk: the demo workspace's conversations
 * (a double charge handed to a person and refunded, a boot exchange, a washing question resolved) are summarised
 * on handoff and on resolution with the order numbers, amounts and outcome they hold, and nothing they don't;
 * the agent edits a summary with a version check.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class SummaryApiTest {

    /** A number as the summary or the conversation writes it; compared by its digits. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:/-]\\d+)*");

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    TestApi api;
    Agent supervisor;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        DemoKnowledge.ensureIndexed(knowledge, importer);
        supervisor = Agent.of(api, new TestAccounts(accounts, teams).supervisor());
    }

    private WidgetCustomer customer(String name, String email, String message) {
        return WidgetCustomer.start(api, Map.of("message", message, "customer", Map.of("name", name, "email", email)));
    }

    /** The summary once it has reached at least {@code version}: summaries are written off the request path. */
    private JsonNode summary(Agent agent, UUID conversation, int version) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = agent.api().get("/api/conversations/" + conversation + "/summary");
            return response.status() == 200 && response.json().get("version").asInt() >= version ? response.json() : null;
        }, java.util.Objects::nonNull);
    }

    @Test
    void aDoubleChargeIsSummarisedAtTheHandoffAndAgainWhenTheAgentRefundsIt() {
        var liam = customer("Liam O'Brien", "liam.obrien@example.com",
                "I was charged twice for order NW-10511 ($189.00 each time). I need one of them refunded please.");
        liam.handoff().expect(200);

        JsonNode atHandoff = summary(supervisor, liam.id(), 1);
        assertThat(atHandoff.get("trigger").asString()).isEqualTo("HANDOFF");
        assertThat(atHandoff.get("source").asString()).isEqualTo("EXTRACTIVE");
        assertThat(atHandoff.get("reason").asString()).contains("charged twice").contains("NW-10511");
        assertThat(details(atHandoff)).contains("ORDER_NUMBER NW-10511", "AMOUNT $189.00");
        assertThat(atHandoff.get("outcome").get("status").asString()).isEqualTo("HANDED_OVER");
        assertThat(texts(atHandoff)).anySatisfy(action -> assertThat(action).startsWith("Handed to a person"));
        assertOnlyNumbersOfTheConversation(atHandoff, liam.id());

        JsonNode packet = supervisor.handoff(liam.id()).expect(200).json();
        assertThat(packet.get("why").asString()).as("the packet's fields stay").isNotBlank();
        assertThat(packet.get("goal").asString()).contains("NW-10511");
        assertThat(packet.get("summary").get("reason").asString()).isEqualTo(atHandoff.get("reason").asString());
        assertThat(packet.get("summary").get("outcome").asString()).isEqualTo("HANDED_OVER");
        assertThat(packet.get("summary").get("details").toString()).contains("NW-10511").contains("$189.00");

        supervisor.assign(liam.id()).expect(200);
        supervisor.reply(liam.id(), "Hi Liam, sorry about that. I've refunded the second charge of $189.00 on order "
                + "NW-10511; you'll see it on your statement within 5 business days.").expect(201);
        liam.post("Thanks, that's great.").expect(201);
        supervisor.resolve(liam.id()).expect(200);

        JsonNode resolved = summary(supervisor, liam.id(), 2);
        assertThat(resolved.get("trigger").asString()).isEqualTo("RESOLUTION");
        assertThat(resolved.get("outcome").get("status").asString()).isEqualTo("RESOLVED_BY_AGENT");
        assertThat(resolved.get("outcome").get("note").asString())
            .isEqualTo("Resolved by " + supervisor.user().displayName() + ".");
        assertThat(strings(resolved.get("actions")))
            .anySatisfy(action -> assertThat(action).contains("I've refunded the second charge of $189.00 on order NW-10511"));
        assertThat(strings(resolved.get("followUps")))
            .anySatisfy(followUp -> assertThat(followUp).contains("you'll see it on your statement within 5 business days"));
        assertOnlyNumbersOfTheConversation(resolved, liam.id());
    }

    @Test
    void anExchangeKeepsTheProductTheDateAndTheOpenQuestion() {
        var noah = customer("Noah Williams", "noah.w@example.com",
                "Can I exchange my Ridgeline hiking boots for a size 44? They're unworn, bought two weeks ago.");
        noah.handoff().expect(200);
        summary(supervisor, noah.id(), 1);
        supervisor.assign(noah.id()).expect(200);
        supervisor.reply(noah.id(), "Hi Noah, absolutely: unworn boots can be exchanged within 60 days. I've started "
                + "the exchange for a size 44; you'll get a prepaid return label by email within the hour.").expect(201);
        noah.post("Great, thank you! Do I need the original box?").expect(201);
        supervisor.note(noah.id(), "Label requested from the warehouse.").expect(201);
        supervisor.resolve(noah.id()).expect(200);

        JsonNode summary = summary(supervisor, noah.id(), 2);

        assertThat(details(summary)).contains("PRODUCT Ridgeline hiking boots", "DATE two weeks ago");
        assertThat(strings(summary.get("actions"))).anySatisfy(a -> assertThat(a).contains("I've started the exchange for a size 44"))
            .anySatisfy(a -> assertThat(a).contains("Label requested from the warehouse"));
        assertThat(strings(summary.get("followUps")))
            .anySatisfy(f -> assertThat(f).contains("you'll get a prepaid return label by email within the hour"));
        assertOnlyNumbersOfTheConversation(summary, noah.id());
    }

    @Test
    void theSeededDemoConversationsAreSummarised() {
        // the demo workspace seeds its conversations on a first start with an empty database; a run that shares
        // its database with other tests (PostgreSQL) may have none, and the two tests above say the same
        JsonNode all = supervisor.list("status=QUEUED&limit=200").expect(200).json();
        JsonNode resolved = supervisor.list("status=RESOLVED&limit=200").expect(200).json();
        UUID charged = conversationOf(all, "Liam O'Brien");
        UUID jacket = conversationOf(resolved, "Mia Schneider");
        org.junit.jupiter.api.Assumptions.assumeTrue(charged != null && jacket != null, "the demo conversations were seeded");

        JsonNode liam = summary(supervisor, charged, 1);
        assertThat(details(liam)).contains("ORDER_NUMBER NW-10511", "AMOUNT $189.00");
        assertThat(liam.get("outcome").get("status").asString()).isEqualTo("HANDED_OVER");
        assertOnlyNumbersOfTheConversation(liam, charged);

        JsonNode mia = summary(supervisor, jacket, 1);
        assertThat(mia.get("reason").asString()).contains("Summit down jacket");
        assertThat(details(mia)).contains("PRODUCT Summit down jacket");
        assertThat(mia.get("outcome").get("status").asString()).isEqualTo("RESOLVED_BY_AGENT");
        assertThat(mia.get("outcome").get("note").asString()).isEqualTo("Resolved by Bruno Costa.");
        assertThat(strings(mia.get("actions"))).anySatisfy(a -> assertThat(a).contains("Customer was happy with the care instructions"));
        assertOnlyNumbersOfTheConversation(mia, jacket);
    }

    @Test
    void theAgentEditsTheSummaryAndAnEditOfAnOlderVersionIsRefused() {
        var team = new TestAccounts(accounts, teams).team("outsiders");
        var outsider = Agent.of(api, new TestAccounts(accounts, teams).agent(team));
        var customer = customer("Ana Silva", "ana@example.com", "My order NW-10600 arrived damaged, the tent pole is bent.");
        supervisor.api().get("/api/conversations/" + customer.id() + "/summary").expectProblem(404);
        customer.handoff().expect(200);
        JsonNode first = summary(supervisor, customer.id(), 1);
        int version = first.get("version").asInt();

        var edit = Map.of("version", version, "reason", "Tent delivered with a bent pole (order NW-10600).",
                "details", List.of(Map.of("type", "ORDER_NUMBER", "value", "NW-10600"), Map.of("type", "PRODUCT", "value", "tent pole")),
                "actions", List.of("Asked for a photo of the pole."), "outcome", "PENDING",
                "outcomeNote", "Waiting for the photo.", "followUps", List.of("Send a replacement pole once the photo is in."));
        JsonNode saved = supervisor.api().put("/api/conversations/" + customer.id() + "/summary", edit).expect(200).json();

        assertThat(saved.get("version").asInt()).isEqualTo(version + 1);
        assertThat(saved.get("source").asString()).isEqualTo("EDITED");
        assertThat(saved.get("editedBy").asString()).isEqualTo(supervisor.user().displayName());
        JsonNode read = supervisor.api().get("/api/conversations/" + customer.id() + "/summary").expect(200).json();
        assertThat(read.get("reason").asString()).isEqualTo("Tent delivered with a bent pole (order NW-10600).");
        assertThat(read.get("followUps").get(0).asString()).isEqualTo("Send a replacement pole once the photo is in.");
        assertThat(supervisor.handoff(customer.id()).expect(200).json().get("summary").get("editedBy").asString())
            .isEqualTo(supervisor.user().displayName());

        var stale = supervisor.api().put("/api/conversations/" + customer.id() + "/summary", edit).expectProblem(409);
        assertThat(stale.detail()).contains("version " + (version + 1));
        JsonNode versions = supervisor.api().get("/api/conversations/" + customer.id() + "/summary/versions").expect(200).json();
        assertThat(versions.size()).as("every version kept").isEqualTo(version + 1);
        assertThat(versions.get(versions.size() - 1).get("trigger").asString()).isEqualTo("HANDOFF");

        var tooLong = new java.util.HashMap<String, Object>(edit);
        tooLong.put("version", version + 1);
        tooLong.put("reason", "x".repeat(2001));
        supervisor.api().put("/api/conversations/" + customer.id() + "/summary", tooLong).expectProblem(400);
        // the conversation belongs to a team the outsider is not in (the website inbox may have none in a schema
        // other tests share, and a conversation without a team is every agent's)
        var owners = new TestAccounts(accounts, teams).team("owners");
        supervisor.api().post("/api/conversations/" + customer.id() + "/transfer", Map.of("toTeamId", owners.id()))
            .expect(200);
        outsider.api().get("/api/conversations/" + customer.id() + "/summary").expectProblem(404);
        outsider.api().put("/api/conversations/" + customer.id() + "/summary", edit).expectProblem(404);
    }

    private static UUID conversationOf(JsonNode list, String customerName) {
        for (JsonNode conversation : list.get("items")) {
            if (conversation.toString().contains(customerName)) {
                return UUID.fromString(conversation.get("id").asString());
            }
        }
        return null;
    }

    private static List<String> details(JsonNode summary) {
        List<String> details = new ArrayList<>();
        summary.get("details").forEach(d -> details.add(d.get("type").asString() + " " + d.get("value").asString()));
        return details;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(entry -> strings.add(entry.asString()));
        return strings;
    }

    /** Every text of a summary: the reason, details, actions, outcome and follow-ups. */
    private static List<String> texts(JsonNode summary) {
        List<String> texts = new ArrayList<>();
        texts.add(summary.get("reason").asString());
        summary.get("details").forEach(d -> texts.add(d.get("value").asString()));
        texts.addAll(strings(summary.get("actions")));
        texts.add(summary.get("outcome").get("note").asString());
        if (summary.get("outcome").hasNonNull("customerFeedback")) {
            texts.add(summary.get("outcome").get("customerFeedback").asString());
        }
        texts.addAll(strings(summary.get("followUps")));
        return texts;
    }

    /** Every number-like token of the summary occurs in the conversation (its messages and the articles they cite). */
    private void assertOnlyNumbersOfTheConversation(JsonNode summary, UUID conversation) {
        JsonNode whole = supervisor.conversation(conversation);
        Set<String> inConversation = new HashSet<>(numbers(whole.get("messages").toString()));
        for (String text : texts(summary)) {
            assertThat(numbers(text)).as("numbers of \"%s\" in the conversation", text).allSatisfy(
                    number -> assertThat(inConversation).contains(number));
        }
    }

    private static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group().replaceAll("\\D", ""));
        }
        return numbers;
    }
}
