package dev.tandem.insight.dashboard;

/**
 * A dashboard's filter as the request's query parameters spell it, before it is parsed ({@link DashboardFilter}):
 * {@code from}, {@code to} (days), {@code channel}, {@code language}, {@code team} and {@code agent} (an id,
 * {@code none}, or {@code me} for the agent); every one optional.
 */
record DashboardQuery(String from, String to, String channel, String language, String team, String agent) {

    DashboardQuery withAgent(String value) {
        return new DashboardQuery(from, to, channel, language, team, value);
    }
}
