package dev.tandem.insight.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.escalation.EscalationReason;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;
import dev.tandem.identity.Team;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/**
 * The supervisors' dashboards: figures, daily series, breakdowns per team and per agent, escalation reasons and
 * knowledge gaps for a filter, read from the rollups only. Supervisors and admins see every team; an agent sees only
 * their own figures (agent=me); anyone else nothing.
 */
@Service
class Dashboards {

    /** The most reasons and gap topics listed. */
    static final int TOP = 12;

    /** A dashboard as the API answers it and the page draws it. */
    record View(Applied filter, Figures totals, List<Day> daily, Distribution relief, Distribution csat,
            List<Row> teams, List<Row> agents, List<Count> escalationReasons, List<Count> knowledgeGaps,
            List<Count> channels, List<Count> languages) {
    }

    /** The filter as applied, with the names of the chosen team and agent. */
    record Applied(LocalDate from, LocalDate to, String channel, String language, UUID team, String teamName,
            UUID agent, String agentName) {
    }

    record Day(LocalDate day, Figures figures) {
    }

    /** One team or agent; {@code id} null for the conversations of no team, or that no person took. */
    record Row(UUID id, String name, Figures figures) {
    }

    record Count(String key, String label, long conversations) {
    }

    record Distribution(List<String> labels, List<Long> counts) {
    }

    private final DashboardQueries queries;
    private final UserDirectory directory;
    private final Clock clock;

    Dashboards(DashboardQueries queries, UserDirectory directory, Clock clock) {
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
    }

    /** Parses the request's filter and checks that the user may see what it asks for. */
    DashboardFilter filter(CurrentUser user, DashboardQuery q) {
        DashboardFilter filter = DashboardFilter.parse(q.from(), q.to(), q.channel(), q.language(), q.team(), q.agent(),
                user.id(), DashboardFilter.today(clock));
        if (user.hasRole(Role.ADMIN) || user.hasRole(Role.SUPERVISOR)) {
            return filter;
        }
        if (!user.hasRole(Role.AGENT)) {
            throw DashboardFilter.problem(HttpStatus.FORBIDDEN, "The dashboards are for supervisors, admins and agents.");
        }
        if (!user.id().equals(filter.agentId()) || filter.teamId() != null) {
            throw DashboardFilter.problem(HttpStatus.FORBIDDEN, "Team dashboards are for supervisors and admins; an agent "
                    + "sees their own figures: ask with agent=me and no team.");
        }
        return filter;
    }

    @Transactional(readOnly = true)
    View view(DashboardFilter filter) {
        Map<UUID, String> teamNames = new HashMap<>();
        for (Team team : directory.teams()) {
            teamNames.put(team.id(), team.name());
        }
        Map<UUID, String> userNames = new HashMap<>();
        for (UserSummary user : directory.users()) {
            userNames.put(user.id(), user.displayName());
        }
        long[] total = new long[Contribution.MEASURES.size()];
        List<Day> daily = new ArrayList<>();
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        var groupings = queries.groupings(filter);
        groupings.get(0).forEach((key, m) -> byDay.put(toDate(key.get(0)), m));
        for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
            long[] m = byDay.getOrDefault(day, new long[total.length]);
            for (int i = 0; i < m.length; i++) {
                total[i] += m[i];
            }
            daily.add(new Day(day, Figures.of(m)));
        }
        List<Row> teams = rows(groupings.get(1), teamNames, "No team");
        List<Row> agents = rows(groupings.get(2), userNames, "No person (the assistant alone, or waiting)");
        Map<String, Long> channels = new LinkedHashMap<>();
        Map<String, Long> languages = new LinkedHashMap<>();
        groupings.get(3).forEach((key, m) -> {
            channels.merge(String.valueOf(key.get(0)), m[0], Long::sum);
            languages.merge(String.valueOf(key.get(1)), m[0], Long::sum);
        });
        List<Count> reasons = queries.details(filter, "dashboard_reason_day", "reason", TOP).entrySet().stream()
            .map(e -> new Count(e.getKey(), reasonWords(e.getKey()), e.getValue())).toList();
        List<Count> gaps = queries.details(filter, "dashboard_gap_day", "topic", TOP).entrySet().stream()
            .map(e -> new Count(e.getKey(), e.getKey().isEmpty() ? "(topic unknown)" : e.getKey(), e.getValue()))
            .toList();
        var applied = new Applied(filter.from(), filter.to(), filter.channel(), filter.language(), filter.teamId(),
                filter.teamId() == null ? null : teamNames.getOrDefault(filter.teamId(), "No team"), filter.agentId(),
                filter.agentId() == null ? null : userNames.getOrDefault(filter.agentId(), "No person"));
        return new View(applied, Figures.of(total), daily,
                new Distribution(List.of("≤ 1 min", "1–5 min", "5–60 min", "1–24 h", "> 24 h"),
                        List.of(total[12], total[13], total[14], total[15], total[16])),
                new Distribution(List.of("1", "2", "3", "4", "5"),
                        List.of(total[19], total[20], total[21], total[22], total[23])),
                teams, agents, reasons, gaps, counts(channels, "(unknown)"), counts(languages, "(unknown)"));
    }

    /** What the view shows, as CSV: one line per day, team, agent, escalation reason and gap topic. */
    String csv(View view) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("section", "key", "name",
                "conversations", "open", "ai_resolved", "verified", "human_resolved", "abandoned", "escalated",
                "ai_resolution_rate", "verified_rate", "first_response_avg_s", "relief_avg_s", "csat_avg", "csat_responses",
                "knowledge_gaps", "repeated_facts", "repeat_contacts").get())) {
            var f = view.filter();
            print(csv, "total", f.from() + ".." + f.to(), filterWords(f), view.totals());
            for (Day day : view.daily()) {
                print(csv, "day", day.day().toString(), "", day.figures());
            }
            for (Row team : view.teams()) {
                print(csv, "team", team.id() == null ? "none" : team.id().toString(), team.name(), team.figures());
            }
            for (Row agent : view.agents()) {
                print(csv, "agent", agent.id() == null ? "none" : agent.id().toString(), agent.name(), agent.figures());
            }
            for (Count reason : view.escalationReasons()) {
                csv.printRecord("escalation_reason", reason.key(), reason.label(), reason.conversations());
            }
            for (Count gap : view.knowledgeGaps()) {
                csv.printRecord("knowledge_gap", gap.key(), gap.label(), gap.conversations());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void print(CSVPrinter csv, String section, String key, String name, Figures x) throws IOException {
        csv.printRecord(section, key, name, x.conversations(), x.open(), x.aiResolved(), x.verified(),
                x.humanResolved(), x.abandoned(), x.escalated(), x.aiResolutionRate(), x.verifiedRate(),
                x.firstResponseAvgSeconds(), x.reliefAvgSeconds(), x.csatAverage(), x.csatResponses(), x.knowledgeGaps(),
                x.repeatedFacts(), x.repeatContacts());
    }

    private static String filterWords(Applied f) {
        List<String> words = new ArrayList<>();
        if (f.channel() != null) {
            words.add("channel " + f.channel());
        }
        if (f.language() != null) {
            words.add("language " + f.language());
        }
        if (f.teamName() != null) {
            words.add("team " + f.teamName());
        }
        if (f.agentName() != null) {
            words.add("agent " + f.agentName());
        }
        return words.isEmpty() ? "all" : String.join("; ", words);
    }

    private static List<Row> rows(Map<List<Object>, long[]> sums, Map<UUID, String> names, String none) {
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, m) -> {
            UUID id = toUuid(key.get(0));
            boolean nobody = Contribution.NONE.equals(id);
            rows.add(new Row(nobody ? null : id, nobody ? none : names.getOrDefault(id, "(removed " + id + ")"),
                    Figures.of(m)));
        });
        rows.sort((a, b) -> Long.compare(b.figures().conversations(), a.figures().conversations()));
        return rows;
    }

    private static List<Count> counts(Map<String, Long> counts, String unknown) {
        return counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .map(e -> new Count(e.getKey(), e.getKey().isEmpty() ? unknown : e.getKey(), e.getValue())).toList();
    }

    private static String reasonWords(String reason) {
        try {
            return EscalationReason.valueOf(reason).words();
        } catch (IllegalArgumentException unknown) {
            return reason;
        }
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }

    private static UUID toUuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
