package dev.tandem.channel;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.UserDirectory;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** The widget inboxes and their settings, which admins edit. */
@Service
@Transactional
public class WidgetInboxes {

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String KEY_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WidgetInboxes(JdbcClient jdbc, UserDirectory directory, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Settings changed, by whom; the audit log records it. */
    public record WidgetSettingsChanged(UUID inboxId, String key, String by, java.time.Instant at) {
    }

    public record Settings(String name, String companyName, String greeting, String color, UUID teamId) {
    }

    @Transactional(readOnly = true)
    public List<WidgetInbox> all() {
        return jdbc.sql("select * from widget_inbox order by created_at").query(WidgetInboxes::inbox).list();
    }

    @Transactional(readOnly = true)
    public Optional<WidgetInbox> byKey(String key) {
        return jdbc.sql("select * from widget_inbox where inbox_key = ?").param(key).query(WidgetInboxes::inbox)
            .optional();
    }

    @Transactional(readOnly = true)
    public Optional<WidgetInbox> byId(UUID id) {
        return jdbc.sql("select * from widget_inbox where id = ?").param(id).query(WidgetInboxes::inbox).optional();
    }

    /** The inbox the demo page and a fresh installation use: the oldest one, created when there is none. */
    public WidgetInbox primary() {
        return all().stream().findFirst().orElseGet(() -> create(
                new Settings("Website", "Support", "Hi! How can we help you today?", "#2563eb", null)));
    }

    public WidgetInbox create(Settings settings) {
        check(settings);
        UUID id = IDS.generate();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into widget_inbox (id, inbox_key, name, company_name, greeting, color, team_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, newKey(), settings.name().strip(), settings.companyName().strip(), settings.greeting().strip(),
                    settings.color().toLowerCase(), settings.teamId(), now, now)
            .update();
        return byId(id).orElseThrow();
    }

    public WidgetInbox update(UUID id, Settings settings, String by) {
        check(settings);
        WidgetInbox inbox = byId(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No widget inbox " + id + "."));
        jdbc.sql("""
                update widget_inbox set name = ?, company_name = ?, greeting = ?, color = ?, team_id = ?, updated_at = ?
                where id = ?""")
            .params(settings.name().strip(), settings.companyName().strip(), settings.greeting().strip(),
                    settings.color().toLowerCase(), settings.teamId(), Timestamp.from(clock.instant()), id)
            .update();
        events.publishEvent(new WidgetSettingsChanged(id, inbox.key(), by, clock.instant()));
        return byId(id).orElseThrow();
    }

    void detachFromTeam(UUID teamId) {
        jdbc.sql("update widget_inbox set team_id = null where team_id = ?").param(teamId).update();
    }

    private void check(Settings settings) {
        if (settings.name() == null || settings.name().isBlank() || settings.name().length() > 100) {
            throw problem(HttpStatus.BAD_REQUEST, "The inbox needs a name of at most 100 characters.");
        }
        if (settings.companyName() == null || settings.companyName().isBlank()
                || settings.companyName().length() > 100) {
            throw problem(HttpStatus.BAD_REQUEST, "The company name is required (at most 100 characters).");
        }
        if (settings.greeting() == null || settings.greeting().isBlank() || settings.greeting().length() > 500) {
            throw problem(HttpStatus.BAD_REQUEST, "The greeting is required (at most 500 characters).");
        }
        if (settings.color() == null || !COLOR.matcher(settings.color()).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "The colour must look like #2f6f4e.");
        }
        if (settings.teamId() != null && directory.team(settings.teamId()).isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown team " + settings.teamId() + ".");
        }
    }

    private String newKey() {
        var key = new StringBuilder("wk_");
        for (int i = 0; i < 16; i++) {
            key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static WidgetInbox inbox(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new WidgetInbox(rs.getObject("id", UUID.class), rs.getString("inbox_key"), rs.getString("name"),
                rs.getString("company_name"), rs.getString("greeting"), rs.getString("color"),
                rs.getObject("team_id", UUID.class));
    }
}
