package dev.tandem.insight.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a dashboard shows: a period of days (UTC, by the day a conversation started, both ends included) and
 * optionally one channel, language, team and agent. Parsed from request parameters; a value that does not parse is
 * a 400 that says what to send instead.
 *
 * @param teamId a team, {@link Contribution#NONE} for conversations of no team, null for all
 * @param agentId an agent, {@link Contribution#NONE} for conversations no person took, null for all
 */
record DashboardFilter(LocalDate from, LocalDate to, String channel, String language, UUID teamId, UUID agentId) {

    /** The period shown when none is asked for: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;
    /** The longest period: two years of days is still a few hundred thousand rollup rows at most per key. */
    static final int MAX_DAYS = 731;
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    static DashboardFilter parse(String from, String to, String channel, String language, String team, String agent,
            UUID me, LocalDate today) {
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw problem(HttpStatus.BAD_REQUEST, "from (" + start + ") is after to (" + end + "): send from ≤ to.");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw problem(HttpStatus.BAD_REQUEST, "The period is " + (ChronoUnit.DAYS.between(start, end) + 1)
                    + " days long; at most " + MAX_DAYS + " are shown at once.");
        }
        String channelValue = null;
        if (!blank(channel)) {
            if (!CHANNEL.matcher(channel.strip()).matches()) {
                throw problem(HttpStatus.BAD_REQUEST, "channel must be a channel name such as widget (letters, digits, "
                        + "'-', '_' or '.', at most 40), not '" + shorten(channel) + "'.");
            }
            channelValue = channel.strip();
        }
        String languageValue = null;
        if (!blank(language)) {
            if (!LANGUAGE.matcher(language.strip()).matches()) {
                throw problem(HttpStatus.BAD_REQUEST, "language must be a language code such as en or pt-BR, not '"
                        + shorten(language) + "'.");
            }
            languageValue = language.strip().toLowerCase(Locale.ROOT);
        }
        return new DashboardFilter(start, end, channelValue, languageValue, id("team", team, null),
                id("agent", agent, me));
    }

    static LocalDate today(java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The same filter for one agent. */
    DashboardFilter forAgent(UUID agent) {
        return new DashboardFilter(from, to, channel, language, teamId, agent);
    }

    /** The SQL condition on the rollups' key columns and its parameters, in order. */
    String where(List<Object> params) {
        StringBuilder where = new StringBuilder("started_day >= ? and started_day <= ?");
        params.add(java.sql.Date.valueOf(from));
        params.add(java.sql.Date.valueOf(to));
        if (channel != null) {
            where.append(" and channel = ?");
            params.add(channel);
        }
        if (language != null) {
            where.append(" and language = ?");
            params.add(language);
        }
        if (teamId != null) {
            where.append(" and team_id = ?");
            params.add(teamId);
        }
        if (agentId != null) {
            where.append(" and agent_id = ?");
            params.add(agentId);
        }
        return where.toString();
    }

    List<Object> params() {
        List<Object> params = new ArrayList<>();
        where(params);
        return params;
    }

    private static UUID id(String name, String value, UUID me) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("none")) {
            return Contribution.NONE;
        }
        if (me != null && v.equalsIgnoreCase("me")) {
            return me;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, name + " must be an id (a UUID)" + (me != null ? ", me" : "")
                    + " or none, not '" + shorten(value) + "'.");
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, name + " must be a day as 2026-12-07, not '" + shorten(value) + "'.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
