package dev.tandem.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;
import dev.tandem.privacy.CustomerDataTables.Key;
import dev.tandem.privacy.CustomerDataTables.Table;

/**
 * Export and erasure of all data of one customer, found by e-mail address or customer id, across every table the
 * modules declared ({@link CustomerDataTables}). An erasure deletes, in one transaction, the customer's conversations
 * and everything about them, the e-mails sent to them and the customer records; the audit log learns that it
 * happened, from whom, and how many rows went ({@link CustomerDataErased}), never what they said.
 */
@Service
public class CustomerData {

    /** Lists of ids go to the database in chunks of this size (well under every driver's parameter limit). */
    private static final int CHUNK = 500;

    /** Whom an operation is about: an e-mail address or a customer id (one of the two). */
    public record Subject(String email, UUID customerId) {

        public Subject {
            email = email == null || email.isBlank() ? null : email.strip();
            if ((email == null) == (customerId == null)) {
                throw new IllegalArgumentException("Give either an email or a customerId.");
            }
        }
    }

    /** What an erasure removed. */
    public record Erasure(List<UUID> customerIds, int conversations, Map<String, Integer> rows) {
    }

    /** The customers, their conversations and the addresses found for a subject. */
    public record Found(Set<UUID> customers, Set<UUID> conversations, Set<String> emails) {

        public boolean isEmpty() {
            return customers.isEmpty() && conversations.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final List<CustomerDataTables> declared;
    private final List<ExportRedaction> redaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerData(JdbcClient jdbc, List<CustomerDataTables> declared, List<ExportRedaction> redaction,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.declared = declared.stream().sorted(Comparator.comparing(CustomerDataTables::module)).toList();
        this.redaction = redaction;
        this.events = events;
        this.clock = clock;
    }

    /** Every declared table, the module first. */
    List<Map.Entry<String, Table>> tables() {
        List<Map.Entry<String, Table>> all = new ArrayList<>();
        declared.forEach(d -> d.tables().forEach(t -> all.add(Map.entry(d.module(), t))));
        return all;
    }

    private List<Table> tables(Key key) {
        return tables().stream().map(Map.Entry::getValue).filter(t -> t.key() == key).toList();
    }

    Found find(Subject subject) {
        Set<UUID> customers = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        if (subject.customerId() != null) {
            for (Table table : tables(Key.CUSTOMERS)) {
                customers.addAll(jdbc.sql("select " + table.column() + " from " + table.name() + " where "
                        + table.column() + " = ?").param(subject.customerId()).query(UUID.class).list());
            }
        } else {
            String email = subject.email().toLowerCase(Locale.ROOT);
            emails.add(email);
            for (Table table : tables(Key.CUSTOMERS)) {
                for (String column : table.emailColumns()) {
                    customers.addAll(jdbc.sql("select " + table.column() + " from " + table.name() + " where lower("
                            + column + ") = ?").param(email).query(UUID.class).list());
                }
            }
            // someone who left their address only for a follow-up is the customer of that conversation
            for (Table table : tables(Key.CONVERSATIONS)) {
                for (String column : table.emailColumns()) {
                    customers.addAll(jdbc.sql("select " + table.column() + " from " + table.name() + " where lower("
                            + column + ") = ?").param(email).query(UUID.class).list());
                }
            }
        }
        Set<UUID> conversations = new LinkedHashSet<>();
        for (Table table : tables(Key.CONVERSATIONS)) {
            for (List<UUID> chunk : chunks(customers)) {
                conversations.addAll(jdbc.sql("select id from " + table.name() + " where " + table.column()
                        + " in (:ids)").param("ids", chunk).query(UUID.class).list());
            }
        }
        for (Table table : tables(Key.CUSTOMERS)) {
            addEmails(table, table.column(), customers, emails);
        }
        for (Table table : tables(Key.CONVERSATIONS)) {
            addEmails(table, "id", conversations, emails);
        }
        return new Found(customers, conversations, emails);
    }

    private void addEmails(Table table, String idColumn, Set<UUID> ids, Set<String> emails) {
        for (String column : table.emailColumns()) {
            for (List<UUID> chunk : chunks(ids)) {
                jdbc.sql("select " + column + " from " + table.name() + " where " + idColumn + " in (:ids)")
                    .param("ids", chunk)
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(e -> e != null && !e.isBlank())
                    .forEach(e -> emails.add(e.strip().toLowerCase(Locale.ROOT)));
            }
        }
    }

    /**
     * All rows about the subject, module by module and table by table, with personal data the viewer's role may not
     * see masked. Announced for the audit log.
     *
     * @throws java.util.NoSuchElementException when nothing is known about the subject
     */
    // not read-only: the announcement for the audit log is stored in the same transaction (event publication)
    @Transactional
    public Map<String, Object> export(Subject subject, CurrentUser viewer) {
        Found found = find(subject);
        if (found.isEmpty()) {
            throw new java.util.NoSuchElementException("No customer data for this " + (subject.email() != null
                    ? "email address." : "customer id."));
        }
        UnaryOperator<String> mask = redaction.isEmpty() ? UnaryOperator.identity()
                : redaction.get(0).forViewer(viewer);
        Map<String, Map<String, List<Map<String, Object>>>> data = new LinkedHashMap<>();
        for (Map.Entry<String, Table> entry : tables()) {
            List<Map<String, Object>> rows = rows(entry.getValue(), found).stream().map(r -> json(r, mask)).toList();
            data.computeIfAbsent(entry.getKey(), m -> new LinkedHashMap<>()).put(entry.getValue().name(), rows);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("subject", subject.email() != null ? Map.of("email", subject.email())
                : Map.of("customerId", subject.customerId()));
        export.put("exportedAt", clock.instant().toString());
        export.put("exportedBy", viewer.username());
        export.put("customerIds", found.customers());
        export.put("conversationIds", found.conversations());
        export.put("data", data);
        events.publishEvent(new CustomerDataExported(clock.instant(), viewer.username(), List.copyOf(found.customers()),
                found.conversations().size()));
        return export;
    }

    private List<Map<String, Object>> rows(Table table, Found found) {
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (table.key()) {
            case CONVERSATION -> chunks(found.conversations()).forEach(chunk -> rows.addAll(select(table, table.column(), chunk)));
            case CONVERSATIONS -> chunks(found.conversations()).forEach(chunk -> rows.addAll(select(table, "id", chunk)));
            case CUSTOMERS -> chunks(found.customers()).forEach(chunk -> rows.addAll(select(table, table.column(), chunk)));
            case EMAIL -> chunks(found.emails()).forEach(chunk -> rows.addAll(jdbc.sql("select * from " + table.name()
                    + " where lower(" + table.column() + ") in (:ids)").param("ids", chunk).query().listOfRows()));
        }
        return rows;
    }

    private List<Map<String, Object>> select(Table table, String column, List<?> ids) {
        return jdbc.sql("select * from " + table.name() + " where " + column + " in (:ids)").param("ids", ids)
            .query()
            .listOfRows();
    }

    /** A row as JSON: lower-case column names (H2 reports upper case), instants in ISO-8601, ids as strings. */
    private static Map<String, Object> json(Map<String, Object> row, UnaryOperator<String> mask) {
        Map<String, Object> json = new LinkedHashMap<>();
        row.forEach((column, value) -> json.put(column.toLowerCase(Locale.ROOT), value(value, mask)));
        return json;
    }

    private static Object value(Object value, UnaryOperator<String> mask) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (value instanceof UUID id) {
            return id.toString();
        }
        return mask.apply(value.toString());
    }

    /**
     * Deletes everything about the subject in one transaction: rows of their conversations, e-mails to them, the
     * conversations, the customer records. Announced without content for the audit log.
     *
     * @throws java.util.NoSuchElementException when nothing is known about the subject (already erased, or never
     *     there)
     */
    @Transactional
    public Erasure erase(Subject subject, String actor) {
        Found found = find(subject);
        if (found.isEmpty()) {
            throw new java.util.NoSuchElementException("No customer data for this " + (subject.email() != null
                    ? "email address (already erased, or never known)." : "customer id (already erased, or never known)."));
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Table table : tables(Key.CONVERSATION)) {
            rows.merge(table.name(), delete(table, table.column(), found.conversations()), Integer::sum);
        }
        for (Table table : tables(Key.EMAIL)) {
            int deleted = 0;
            for (List<String> chunk : chunks(found.emails())) {
                deleted += jdbc.sql("delete from " + table.name() + " where lower(" + table.column() + ") in (:ids)")
                    .param("ids", chunk)
                    .update();
            }
            rows.merge(table.name(), deleted, Integer::sum);
        }
        for (Table table : tables(Key.CONVERSATIONS)) {
            rows.merge(table.name(), delete(table, "id", found.conversations()), Integer::sum);
        }
        for (Table table : tables(Key.CUSTOMERS)) {
            rows.merge(table.name(), delete(table, table.column(), found.customers()), Integer::sum);
        }
        var erasure = new Erasure(List.copyOf(found.customers()), found.conversations().size(), rows);
        events.publishEvent(new CustomerDataErased(clock.instant(), actor, erasure.customerIds(), erasure.conversations(), rows));
        return erasure;
    }

    private int delete(Table table, String column, Collection<UUID> ids) {
        int deleted = 0;
        for (List<UUID> chunk : chunks(ids)) {
            deleted += jdbc.sql("delete from " + table.name() + " where " + column + " in (:ids)").param("ids", chunk)
                .update();
        }
        return deleted;
    }

    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    Instant now() {
        return clock.instant();
    }
}
