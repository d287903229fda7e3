package dev.tandem.insight.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the rollups: sums over the filter's rows, grouped one way per query; nothing here reads a conversation. */
@Repository
class DashboardQueries {

    private static final String SUMS;

    static {
        StringBuilder sums = new StringBuilder();
        for (String measure : Contribution.MEASURES) {
            sums.append(", sum(").append(measure).append(") as ").append(measure);
        }
        SUMS = sums.toString();
    }

    /** The groupings a dashboard shows, in the order {@link #groupings} answers them. */
    static final List<String> GROUPINGS = List.of("started_day", "team_id", "agent_id", "channel, language");

    private final JdbcClient jdbc;
    private final boolean groupingSets;

    DashboardQueries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.groupingSets = postgres(dataSource);
    }

    /**
     * The sums per value of each of {@link #GROUPINGS}. On PostgreSQL one scan of the filter's rows answers all four
     * (GROUPING SETS); elsewhere (H2) one query per grouping.
     */
    List<Map<List<Object>, long[]>> groupings(DashboardFilter filter) {
        List<Map<List<Object>, long[]>> answers = new ArrayList<>();
        if (!groupingSets) {
            for (String group : GROUPINGS) {
                answers.add(sums(filter, group));
            }
            return answers;
        }
        for (int i = 0; i < GROUPINGS.size(); i++) {
            answers.add(new LinkedHashMap<>());
        }
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        jdbc.sql("select grouping(started_day) as g_day, grouping(team_id) as g_team, grouping(agent_id) as g_agent, "
                + "started_day, team_id, agent_id, channel, language" + SUMS + " from dashboard_day where " + where
                + " group by grouping sets ((started_day), (team_id), (agent_id), (channel, language))")
            .params(params).query((rs, n) -> {
                int which = rs.getInt("g_day") == 0 ? 0 : rs.getInt("g_team") == 0 ? 1 : rs.getInt("g_agent") == 0 ? 2 : 3;
                List<Object> key = switch (which) {
                    case 0 -> List.of(rs.getObject("started_day"));
                    case 1 -> List.of(rs.getObject("team_id"));
                    case 2 -> List.of(rs.getObject("agent_id"));
                    default -> List.of(rs.getString("channel"), rs.getString("language"));
                };
                answers.get(which).put(key, measures(rs));
                return null;
            }).list();
        return answers;
    }

    private static boolean postgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    /** The sums per value of {@code group} (one or two key columns, comma-separated), in the group's order. */
    Map<List<Object>, long[]> sums(DashboardFilter filter, String group) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        String[] columns = group.split(",\\s*");
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        jdbc.sql("select " + group + SUMS + " from dashboard_day where " + where + " group by " + group + " order by "
                + group).params(params).query((rs, n) -> {
                    List<Object> key = new ArrayList<>();
                    for (String column : columns) {
                        key.add(rs.getObject(column));
                    }
                    sums.put(key, measures(rs));
                    return null;
                }).list();
        return sums;
    }

    /** Conversations per escalation reason or knowledge-gap topic, most first. */
    Map<String, Long> details(DashboardFilter filter, String table, String column, int limit) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        params.add(limit);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select " + column + ", sum(conversations) as n from " + table + " where " + where + " group by "
                + column + " having sum(conversations) > 0 order by n desc, " + column + " limit ?").params(params)
            .query((rs, n) -> counts.put(rs.getString(column), rs.getLong("n"))).list();
        return counts;
    }

    private static long[] measures(ResultSet rs) throws SQLException {
        long[] m = new long[Contribution.MEASURES.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = rs.getLong(Contribution.MEASURES.get(i));
        }
        return m;
    }
}
