package dev.tandem.insight.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
