package dev.tandem.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.privacy.CustomerDataTables.Key;
import dev.tandem.privacy.CustomerDataTables.Table;
import dev.tandem.privacy.PrivacyProperties.Action;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The retention policy: conversations whose last message is older than {@code tandem.privacy.retention.days} are
 * deleted or anonymised, in batches of one transaction each, so that a run cut short resumes where it stopped. Runs
 * once per cluster (ShedLock); off by default.
 *
 * <p>Anonymising keeps the conversation rows (status, channel, timings, outcomes, counts) and removes every text and
 * address; the conversation table's {@code anonymised_at} marks what is done. A customer is anonymised (or deleted)
 * once none of their conversations is left in the clear.
 */
@Component
class Retention {

    static final String ANONYMISED_AT = "anonymised_at";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** What one run did. */
    record Run(Action action, Instant before, int conversations, int customers) {
    }

    private final CustomerData data;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PrivacyProperties properties;
    private final ApplicationEventPublisher events;

    Retention(CustomerData data, JdbcClient jdbc, TransactionTemplate transactions, PrivacyProperties properties,
            ApplicationEventPublisher events) {
        this.data = data;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.events = events;
    }

    @Scheduled(cron = "${tandem.privacy.retention.cron:0 17 3 * * *}")
    @SchedulerLock(name = "privacy-retention", lockAtMostFor = "PT2H")
    void scheduled() {
        if (properties.retention().enabled()) {
            Run run = apply();
            log.info("Retention: {} {} conversations and {} customers older than {}", run.action(),
                    run.conversations(), run.customers(), run.before());
        }
    }

    /** Retires every conversation past its time, batch by batch. */
    Run apply() {
        var retention = properties.retention();
        Instant before = data.now().minus(Duration.ofDays(retention.days()));
        int conversations = 0;
        int customers = 0;
        while (true) {
            int[] done = transactions.execute(status -> batch(retention.action(), before, retention.batchSize()));
            conversations += done[0];
            customers += done[1];
            if (done[0] < retention.batchSize()) {
                break;
            }
        }
        transactions.executeWithoutResult(status -> emails(retention.action(), before));
        if (conversations > 0 || customers > 0) {
            var retired = new ConversationsRetired(data.now(), retention.action().name().toLowerCase(java.util.Locale.ROOT),
                    before, conversations, customers);
            // module listeners (the audit log) hear of events published in a transaction
            transactions.executeWithoutResult(status -> events.publishEvent(retired));
        }
        return new Run(retention.action(), before, conversations, customers);
    }

    private List<Table> tables(Key key) {
        return data.tables().stream().map(Map.Entry::getValue).filter(t -> t.key() == key).toList();
    }

    /** @return conversations and customers retired */
    private int[] batch(Action action, Instant before, int size) {
        Set<UUID> conversations = new LinkedHashSet<>();
        Set<UUID> customers = new LinkedHashSet<>();
        for (Table table : tables(Key.CONVERSATIONS)) {
            String pending = action == Action.ANONYMISE ? " and " + ANONYMISED_AT + " is null" : "";
            jdbc.sql("select id, " + table.column() + " from " + table.name() + " where " + table.timeColumn()
                    + " < ?" + pending + " order by " + table.timeColumn() + " limit ?")
                .params(Timestamp.from(before), size - conversations.size())
                .query((rs, row) -> {
                    conversations.add(rs.getObject(1, UUID.class));
                    customers.add(rs.getObject(2, UUID.class));
                    return null;
                })
                .list();
        }
        if (conversations.isEmpty()) {
            return new int[] { 0, 0 };
        }
        List<UUID> ids = new ArrayList<>(conversations);
        for (Table table : tables(Key.CONVERSATION)) {
            change(table, table.column(), ids, action);
        }
        for (Table table : tables(Key.CONVERSATIONS)) {
            change(table, "id", ids, action);
        }
        int retiredCustomers = 0;
        for (Table customer : tables(Key.CUSTOMERS)) {
            for (Table conversation : tables(Key.CONVERSATIONS)) {
                String left = "not exists (select 1 from " + conversation.name() + " c where c." + conversation.column()
                        + " = " + customer.name() + "." + customer.column()
                        + (action == Action.ANONYMISE ? " and c." + ANONYMISED_AT + " is null" : "") + ")";
                for (List<UUID> chunk : CustomerData.chunks(customers)) {
                    String sql = action == Action.DELETE || customer.anonymise() == null
                            ? "delete from " + customer.name()
                            : "update " + customer.name() + " set " + customer.anonymise();
                    retiredCustomers += jdbc.sql(sql + " where " + customer.column() + " in (:ids) and " + left)
                        .param("ids", chunk)
                        .update();
                }
            }
        }
        return new int[] { conversations.size(), retiredCustomers };
    }

    private void change(Table table, String column, List<UUID> ids, Action action) {
        if (action == Action.ANONYMISE && table.anonymise() != null && table.anonymise().isBlank()) {
            return;
        }
        for (List<UUID> chunk : CustomerData.chunks(ids)) {
            String sql = action == Action.DELETE || table.anonymise() == null ? "delete from " + table.name()
                    : "update " + table.name() + " set " + table.anonymise();
            jdbc.sql(sql + " where " + column + " in (:ids)").param("ids", chunk).update();
        }
    }

    /** Rows kept by address (e-mails sent) past their time. */
    private void emails(Action action, Instant before) {
        for (Table table : tables(Key.EMAIL)) {
            if (table.timeColumn() == null) {
                continue;
            }
            String sql = action == Action.DELETE || table.anonymise() == null ? "delete from " + table.name()
                    : "update " + table.name() + " set " + table.anonymise();
            jdbc.sql(sql + " where " + table.timeColumn() + " < ?").param(Timestamp.from(before)).update();
        }
    }
}
