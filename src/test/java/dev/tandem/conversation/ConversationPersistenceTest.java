package dev.tandem.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.Ids;
import dev.tandem.TandemTest;

/**
 * The conversation repositories round-trip what they store, on H2 and on PostgreSQL: ids,
 * instants to the microsecond whatever the writer's offset, and any Unicode text up to the limit.
 */
@TandemTest
class ConversationPersistenceTest {

    static final String EMOJI = "\uD83E\uDDED"; // 🧭
    static final Instant MICROS = Instant.parse("2026-03-29T01:59:59.123456Z");

    @Autowired
    CustomerRepository customers;

    @Autowired
    ConversationRepository conversations;

    @Autowired
    MessageRepository messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void customersRoundTrip() {
        var customer = new Customer(Ids.next(), "Zoë Ñúñez-李 \uD83C\uDF32", "zoe." + UUID.randomUUID() + "@example.com",
                "crm-" + UUID.randomUUID(), MICROS);
        customers.insert(customer);

        assertThat(customers.findById(customer.id())).contains(customer);
        assertThat(customers.findByEmail(customer.email())).contains(customer);
        assertThat(customers.findByExternalId(customer.externalId())).contains(customer);

        var renamed = new Customer(customer.id(), "Zoë", customer.email(), customer.externalId(), MICROS);
        customers.update(renamed);
        assertThat(customers.findById(customer.id())).contains(renamed);
    }

    @Test
    void conversationsRoundTripAndChangeStateByCompareAndSet() {
        Customer customer = customer();
        UUID id = Ids.next();
        UUID team = UUID.randomUUID();
        conversations.insert(id, customer.id(), ConversationStatus.QUEUED, "widget", team, "Über-subject ✓", MICROS);

        ConversationSummary stored = conversations.findById(id).orElseThrow();
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.customer()).isEqualTo(customer);
        assertThat(stored.status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(stored.teamId()).isEqualTo(team);
        assertThat(stored.subject()).isEqualTo("Über-subject ✓");
        assertThat(stored.createdAt()).isEqualTo(MICROS);
        assertThat(stored.lastMessageAt()).isEqualTo(MICROS);
        assertThat(stored.resolvedAt()).isNull();
        assertThat(stored.version()).isZero();

        UUID agent = UUID.randomUUID();
        assertThat(conversations.claim(id, agent, MICROS.plusSeconds(1))).isEqualTo(1);
        assertThat(conversations.claim(id, UUID.randomUUID(), MICROS.plusSeconds(2))).isZero();
        ConversationSummary claimed = conversations.findById(id).orElseThrow();
        assertThat(claimed.assigneeId()).isEqualTo(agent);
        assertThat(claimed.version()).isEqualTo(1);

        Instant resolvedAt = MICROS.plusSeconds(60);
        assertThat(conversations.changeState(id, 0, ConversationStatus.RESOLVED, team, agent, resolvedAt, resolvedAt))
            .as("a stale version changes nothing").isZero();
        assertThat(conversations.changeState(id, 1, ConversationStatus.RESOLVED, team, agent, resolvedAt, resolvedAt))
            .isEqualTo(1);
        ConversationSummary resolved = conversations.findById(id).orElseThrow();
        assertThat(resolved.status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(resolvedAt);
        assertThat(resolved.version()).isEqualTo(2);

        assertThat(conversations.markHandoffRequested(id, MICROS)).isEqualTo(1);
        assertThat(conversations.markHandoffRequested(id, MICROS)).isZero();
        assertThat(conversations.findById(id).orElseThrow().handoffRequestedAt()).isEqualTo(MICROS);
        assertThat(conversations.findByCustomer(customer.id())).extracting(ConversationSummary::id).containsExactly(id);
    }

    @Test
    void messagesKeepAnyTextOfUpTo4000CharactersExactly() {
        UUID conversation = conversation();
        String unicode = "Ünïcödé ✓ 中文 العربية नमस्ते e\u0301 " + EMOJI + "\u200D" + EMOJI + " \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDE80";
        String longest = EMOJI.repeat(ConversationProblems.MAX_MESSAGE_LENGTH);
        assertThat(longest.codePointCount(0, longest.length())).isEqualTo(4000);
        String mixed = ("a" + EMOJI + "中").repeat(1333) + "z";
        assertThat(mixed.codePointCount(0, mixed.length())).isEqualTo(4000);

        List<Message> written = new ArrayList<>();
        for (String text : List.of(unicode, longest, mixed, "line one\nline two\ttabbed \"quoted\" 'single' \\ back")) {
            var message = new Message(Ids.next(), conversation, AuthorType.CUSTOMER, null, "Zoë", text, false,
                    "client-" + written.size(), MICROS.plusNanos(1000L * written.size()));
            messages.insert(message);
            written.add(message);
        }
        var note = new Message(Ids.next(), conversation, AuthorType.AGENT, UUID.randomUUID(), "Agent Ünï", "internal",
                true, null, MICROS.plusSeconds(1));
        messages.insert(note);
        written.add(note);

        assertThat(messages.findByConversation(conversation)).containsExactlyElementsOf(written);
        assertThat(messages.findByClientMessageId(conversation, "client-1")).contains(written.get(1));
        assertThat(messages.countByConversation(conversation)).isEqualTo(written.size());
    }

    @Test
    void instantsKeepMicrosecondsWhateverTheOffsetTheyWereWrittenWith() {
        Customer customer = customer();
        var inIndia = OffsetDateTime.of(2026, 10, 25, 2, 30, 0, 654321000, ZoneOffset.ofHoursMinutes(5, 30));
        jdbc.sql("update customer set created_at = ? where id = ?").params(inIndia, customer.id()).update();
        assertThat(customers.findById(customer.id()).orElseThrow().createdAt()).isEqualTo(inIndia.toInstant());

        var inNewYork = OffsetDateTime.of(2026, 3, 8, 2, 30, 0, 1000, ZoneOffset.ofHours(-5));
        jdbc.sql("update customer set created_at = ? where id = ?").params(inNewYork, customer.id()).update();
        assertThat(customers.findById(customer.id()).orElseThrow().createdAt()).isEqualTo(inNewYork.toInstant());

        OffsetDateTime read = jdbc.sql("select created_at from customer where id = ?").param(customer.id())
            .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
        assertThat(read.toInstant()).isEqualTo(inNewYork.toInstant());
    }

    @Test
    void messagesWrittenInTheSameMicrosecondKeepTheOrderOfTheirTimeOrderedIds() {
        UUID conversation = conversation();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = Ids.next();
            ids.add(id);
            messages.insert(new Message(id, conversation, AuthorType.CUSTOMER, null, null, "m" + i, false, null, MICROS));
        }
        assertThat(ids.get(0).version()).isEqualTo(7);
        assertThat(messages.findByConversation(conversation)).extracting(Message::id).containsExactlyElementsOf(ids);
    }

    @Test
    void aClientMessageIdIsUniquePerConversation() {
        UUID conversation = conversation();
        messages.insert(new Message(Ids.next(), conversation, AuthorType.CUSTOMER, null, null, "one", false, "same",
                MICROS));
        var duplicate = new Message(Ids.next(), conversation, AuthorType.CUSTOMER, null, null, "two", false, "same",
                MICROS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(
                tx -> messages.insert(duplicate)))
            .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        messages.insert(new Message(Ids.next(), conversation, AuthorType.CUSTOMER, null, null, "no id", false, null,
                MICROS));
        messages.insert(new Message(Ids.next(), conversation, AuthorType.CUSTOMER, null, null, "no id", false, null,
                MICROS));
        messages.insert(new Message(Ids.next(), conversation(), AuthorType.CUSTOMER, null, null, "other", false, "same",
                MICROS));
        assertThat(messages.countByConversation(conversation)).isEqualTo(3);
    }

    private Customer customer() {
        var customer = new Customer(Ids.next(), "Persisted", null, null, MICROS);
        customers.insert(customer);
        return customer;
    }

    private UUID conversation() {
        UUID id = Ids.next();
        conversations.insert(id, customer().id(), ConversationStatus.QUEUED, "widget", null, "subject", MICROS);
        return id;
    }
}
