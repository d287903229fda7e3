package dev.tandem.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Emails the app and the demo back end send: stored in the outbox, which the admin reads in the UI and
 * at {@code GET /api/admin/outbox}. Tandem has no mail transport yet, so the outbox is where a message
 * ends; a transport would pick them up from here. {@code sender} says who sent it (a module, or the demo
 * back end), so one outbox serves every sender without them knowing each other.
 */
@Service
public class Outbox {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OutboxEmail send(String sender, String to, String subject, String body) {
        if (to == null || to.isBlank() || subject == null || body == null) {
            throw new IllegalArgumentException("an email needs a recipient, a subject and a body");
        }
        var email = new OutboxEmail(to.strip(), subject, body, clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("insert into outbox_email (id, sender, recipient, subject, body, sent_at) values (?, ?, ?, ?, ?, ?)")
            .params(IDS.generate(), sender, email.to(), email.subject(), email.body(), Timestamp.from(email.sentAt()))
            .update();
        return email;
    }

    /** The latest emails, newest first; {@code limit} is capped at 500. */
    public List<OutboxEmail> newestFirst(int limit) {
        return jdbc.sql("select recipient, subject, body, sent_at from outbox_email order by sent_at desc, id desc limit ?")
            .param(Math.max(1, Math.min(limit, MAX_LIMIT)))
            .query((rs, row) -> new OutboxEmail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                    rs.getTimestamp("sent_at").toInstant()))
            .list();
    }

    /** The emails sent to {@code to}, newest first. */
    public List<OutboxEmail> sentTo(String to) {
        return jdbc.sql("""
                select recipient, subject, body, sent_at from outbox_email where lower(recipient) = lower(?)
                order by sent_at desc, id desc""")
            .param(to)
            .query((rs, row) -> new OutboxEmail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                    rs.getTimestamp("sent_at").toInstant()))
            .list();
    }
}
