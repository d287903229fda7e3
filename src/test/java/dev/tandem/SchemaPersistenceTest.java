package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.audit.AuditLog;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.ApiTokens;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserDirectory;

/** All Flyway migrations apply on the database of the run, and the modules' stores round-trip. */
@TandemTest
class SchemaPersistenceTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    UserDirectory directory;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    WidgetInboxes inboxes;

    @Test
    void everyMigrationApplied() {
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(Arrays.stream(info.all()).map(m -> m.getState())).allMatch(s -> s == MigrationState.SUCCESS);
        // on PostgreSQL Flyway also records that it created the test's schema: an entry without version
        assertThat(Arrays.stream(info.applied()).filter(m -> m.getVersion() != null).map(m -> m.getVersion().getVersion()))
            .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "20", "21", "22",
                    "23", "30", "40", "41", "50", "51", "55", "56", "60", "65", "70", "71", "75", "80", "90", "92");
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        for (String table : new String[] { "team", "app_user", "user_role", "user_team", "user_language", "user_skill",
                "api_token", "customer", "conversation", "message", "widget_inbox", "conversation_access",
                "audit_entry", "article", "article_version", "ai_answer", "intent_set", "intent_example", "escalation", "message_understanding", "agent_presence", "routing_decision", "sla_breach", "escalation_model", "chunk_vector", "outbox_email", "nw_customer", "nw_order", "nw_gift_card", "nw_refund", "nw_reset_token", "nw_idempotency", "approval", "procedure_run", "guardrail_finding", "article_question", "ai_answer_feedback", "ai_answer_verdict", "constitution_version", "review_item", "assist_macro", "assist_suggestion", "assist_reply_example", "conversation_summary", "conversation_outcome", "outcome_evidence", "csat_rating", "resolution_definition", "resolution_ledger", "outcome_sweep", "insight_key", "widget_inbox_disclosure", "wellbeing_contact", "wellbeing_signal", "wellbeing_online", "wellbeing_intervention", "dashboard_contribution", "dashboard_day", "dashboard_reason_day", "dashboard_gap_day", "dashboard_escalation", "training_session", "training_turn", "quality_rubric_version", "quality_score", "quality_verdict", "quality_review", "quality_review_item", "quality_dispute", "quality_coaching_note", "shedlock", "spring_session", "spring_session_attributes", "event_publication" }) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table)
                .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void usersAndTeamsRoundTrip() {
        var team = teams.create("Équipe " + UUID.randomUUID().toString().substring(0, 8) + " 🌍", "tests");
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        var created = accounts.create(new UserAccounts.NewUser(username, "Jürgen Ødegård 张伟 🧗", username + "@example.com",
                "a-long-enough-password", Set.of(Role.AGENT, Role.SUPERVISOR), Set.of(team.id()), Set.of("de", "EN"),
                Set.of("Returns", "Billing "), 7), "tests");

        var read = directory.userByUsername(username).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.displayName()).isEqualTo("Jürgen Ødegård 张伟 🧗");
        assertThat(read.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(read.teamIds()).containsExactly(team.id());
        assertThat(read.languages()).containsExactlyInAnyOrder("de", "en");
        assertThat(read.skills()).containsExactlyInAnyOrder("returns", "billing");
        assertThat(directory.team(team.id())).contains(team);
        assertThat(directory.teamByName(team.name().toUpperCase())).contains(team);
    }

    @Test
    void apiTokensKeepOnlyAHash() {
        var user = accounts.create(new UserAccounts.NewUser("tok-" + UUID.randomUUID().toString().substring(0, 8),
                "Token Owner", null, "a-long-enough-password", Set.of(Role.AGENT), Set.of(), Set.of(), Set.of(), 1),
                "tests");
        var issued = tokens.issue(user.id(), "Integration ✓", "tests");

        var info = tokens.find(issued.id()).orElseThrow();
        assertThat(info.name()).isEqualTo("Integration ✓");
        assertThat(info.userId()).isEqualTo(user.id());
        assertThat(info.active()).isTrue();
        long containingSecret = jdbc.sql("select count(*) from api_token where token_hash = ? or token_prefix = ?")
            .params(issued.secret(), issued.secret()).query(Long.class).single();
        assertThat(containingSecret).isZero();
    }

    @Test
    void auditEntriesRoundTripAndCannotBeChangedOnPostgreSql() throws Exception {
        String actor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2026-07-01T12:34:56.789012Z");
        audit.append(at, actor, "TEST_ACTION", "thing", "t-1", "détail ✓ 🧾", "2001:db8::1");

        var entry = audit.find(new AuditLog.Query(actor, "TEST_ACTION", 10, 0)).get(0);
        assertThat(entry.occurredAt()).isEqualTo(at);
        assertThat(entry.detail()).isEqualTo("détail ✓ 🧾");
        assertThat(entry.remoteIp()).isEqualTo("2001:db8::1");

        if (isPostgreSql()) {
            assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else' where actor = ?")
                .param(actor).update()).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where actor = ?").param(actor).update())
                .hasMessageContaining("append-only");
        }
    }

    @Test
    void widgetInboxesRoundTrip() {
        var team = teams.create("Inbox team " + UUID.randomUUID().toString().substring(0, 8), "tests");
        var inbox = inboxes.create(new WidgetInboxes.Settings(" Café ", "Café & Co ☕", "¡Hola! 👋", "#A1B2C3", team.id()));

        assertThat(inboxes.byKey(inbox.key())).contains(inbox);
        assertThat(inbox.name()).isEqualTo("Café");
        assertThat(inbox.greeting()).isEqualTo("¡Hola! 👋");
        assertThat(inbox.color()).isEqualTo("#a1b2c3");
        assertThat(inbox.teamId()).isEqualTo(team.id());
    }

    private boolean isPostgreSql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }
}
