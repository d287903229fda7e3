package dev.tandem.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.identity.CurrentUser;

/** The macros, stored in {@code assist_macro}; writes check the version they saw. */
@Component
class Macros {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final JdbcClient jdbc;
    private final Clock clock;

    Macros(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Draft(UUID teamId, String title, String body) {
    }

    List<Macro> all() {
        return jdbc.sql("select * from assist_macro order by lower(title)").query(Macros::row).list();
    }

    Optional<Macro> find(UUID id) {
        return jdbc.sql("select * from assist_macro where id = ?").param(id).query(Macros::row).optional();
    }

    /** The macros of the user's teams and those for everyone. */
    List<Macro> visibleTo(CurrentUser user) {
        return all().stream().filter(m -> m.teamId() == null || user.canSeeTeam(m.teamId())).toList();
    }

    /** Title or body containing every word of {@code query} (case ignored), titles first; all when blank. */
    List<Macro> search(CurrentUser user, String query, int limit) {
        List<Macro> visible = visibleTo(user);
        if (query == null || query.isBlank()) {
            return visible.stream().limit(limit).toList();
        }
        String[] words = query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return visible.stream()
            .filter(m -> {
                String text = (m.title() + " " + m.body()).toLowerCase(Locale.ROOT);
                for (String word : words) {
                    if (!text.contains(word)) {
                        return false;
                    }
                }
                return true;
            })
            .sorted((a, b) -> Boolean.compare(!a.title().toLowerCase(Locale.ROOT).contains(words[0]),
                    !b.title().toLowerCase(Locale.ROOT).contains(words[0])))
            .limit(limit)
            .toList();
    }

    Macro create(Draft draft) {
        Draft checked = checked(draft);
        Instant now = clock.instant();
        UUID id = IDS.generate();
        jdbc.sql("insert into assist_macro (id, team_id, title, body, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 0)")
            .params(id, checked.teamId(), checked.title(), checked.body(), Timestamp.from(now), Timestamp.from(now))
            .update();
        return find(id).orElseThrow();
    }

    Macro update(UUID id, Draft draft) {
        Draft checked = checked(draft);
        int updated = jdbc.sql("update assist_macro set team_id = ?, title = ?, body = ?, updated_at = ?, version = version + 1 where id = ?")
            .params(checked.teamId(), checked.title(), checked.body(), Timestamp.from(clock.instant()), id)
            .update();
        if (updated == 0) {
            throw AssistProblems.notFound("No macro with id " + id + ".");
        }
        return find(id).orElseThrow();
    }

    void delete(UUID id) {
        if (jdbc.sql("delete from assist_macro where id = ?").param(id).update() == 0) {
            throw AssistProblems.notFound("No macro with id " + id + ".");
        }
    }

    private static Draft checked(Draft draft) {
        if (draft == null) {
            throw AssistProblems.invalid("The macro is missing.");
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        String body = draft.body() == null ? "" : draft.body().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw AssistProblems.invalid("title must be 1 to " + MAX_TITLE + " characters (it has " + title.length() + ").");
        }
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw AssistProblems.invalid("body must be 1 to " + MAX_BODY + " characters (it has " + body.length() + ").");
        }
        return new Draft(draft.teamId(), title, body);
    }

    private static Macro row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Macro(rs.getObject("id", UUID.class), rs.getObject("team_id", UUID.class), rs.getString("title"),
                rs.getString("body"), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
