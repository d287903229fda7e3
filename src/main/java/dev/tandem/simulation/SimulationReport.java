package dev.tandem.simulation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of a run: shares of all scenarios run ({@code n}), by kind and by language, time to relief,
 * the customers' ratings, and every conversation that failed with its id and why. The JSON is what
 * {@code --out} keeps and {@code --compare} reads.
 */
public record SimulationReport(String url, String scenarios, String voice, double durationSeconds,
        List<ConversationResult> conversations) {

    /** The figures of a group of conversations. */
    record Figures(int n, double verifiedResolution, double wrongAnswers, double correctEscalations,
            double unnecessaryEscalations, double escalatedAfterFailure, double missedEscalations,
            double correctlyDeclined, double unresolved, double errors, Double timeToReliefP50, Double timeToReliefP90,
            Double averageRating) {

        static Figures of(List<ConversationResult> results) {
            int n = results.size();
            List<Double> relief = results.stream().map(ConversationResult::timeToReliefSeconds)
                .filter(java.util.Objects::nonNull).sorted().toList();
            return new Figures(n, share(results, ConversationResult::verified), share(results, ConversationResult::wrongAnswer),
                    share(results, r -> r.outcome() == Outcome.ESCALATED_CORRECTLY),
                    share(results, r -> r.outcome() == Outcome.ESCALATED_UNNECESSARILY),
                    share(results, r -> r.outcome() == Outcome.ESCALATED_AFTER_FAILURE),
                    share(results, r -> r.outcome() == Outcome.MISSED_ESCALATION),
                    share(results, r -> r.outcome() == Outcome.DECLINED_CORRECTLY),
                    share(results, r -> r.outcome() == Outcome.UNRESOLVED), share(results, r -> r.outcome() == Outcome.ERROR),
                    percentile(relief, 0.5), percentile(relief, 0.9),
                    n == 0 ? null : round(results.stream().mapToInt(ConversationResult::rating).average().orElse(0)));
        }

        private static double share(List<ConversationResult> results, java.util.function.Predicate<ConversationResult> which) {
            return results.isEmpty() ? 0 : round((double) results.stream().filter(which).count() / results.size());
        }

        /** Nearest rank. */
        static Double percentile(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return null;
            }
            int rank = (int) Math.ceil(p * sorted.size());
            return round(sorted.get(Math.max(0, rank - 1)));
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }

        void into(ObjectNode node) {
            node.put("n", n);
            node.put("verifiedResolution", verifiedResolution);
            node.put("wrongAnswers", wrongAnswers);
            node.put("correctEscalations", correctEscalations);
            node.put("unnecessaryEscalations", unnecessaryEscalations);
            node.put("escalatedAfterFailure", escalatedAfterFailure);
            node.put("missedEscalations", missedEscalations);
            node.put("correctlyDeclined", correctlyDeclined);
            node.put("unresolved", unresolved);
            node.put("errors", errors);
            ObjectNode relief = node.putObject("timeToReliefSeconds");
            relief.put("p50", timeToReliefP50);
            relief.put("p90", timeToReliefP90);
            node.put("averageRating", averageRating);
        }
    }

    public Figures total() {
        return Figures.of(conversations);
    }

    Map<String, Figures> by(Function<ConversationResult, String> key) {
        return conversations.stream().collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.collectingAndThen(
                Collectors.toList(), Figures::of)));
    }

    /**
     * Verified resolutions among the scenarios the AI is expected to resolve: the share of {@code n} can reach
     * at most the share of such scenarios in the file, this one 1.
     */
    double verifiedOfResolvable() {
        List<ConversationResult> resolvable = conversations.stream().filter(c -> c.expect().equals("resolved")).toList();
        return resolvable.isEmpty() ? 0
                : Math.round(1000.0 * resolvable.stream().filter(ConversationResult::verified).count() / resolvable.size())
                        / 1000.0;
    }

    private List<ConversationResult> handoffsChecked() {
        return conversations.stream().filter(ConversationResult::handoffChecked).toList();
    }

    /**
     * Of the handed-over conversations whose handoff packet a simulated agent read, the share in which it lacked
     * something the customer had given: the customer would have had to repeat it (the goal is 0).
     */
    double repeatAfterHandoff() {
        List<ConversationResult> checked = handoffsChecked();
        return checked.isEmpty() ? 0
                : Math.round(1000.0 * checked.stream().filter(ConversationResult::hadToRepeat).count() / checked.size())
                        / 1000.0;
    }

    public List<ConversationResult> failed() {
        return conversations.stream().filter(ConversationResult::failed).toList();
    }

    public JsonNode toJson() {
        ObjectNode root = Http.JSON.createObjectNode();
        total().into(root);
        root.put("expectedResolvable", conversations.stream().filter(c -> c.expect().equals("resolved")).count());
        root.put("verifiedResolutionOfResolvable", verifiedOfResolvable());
        root.put("handoffsChecked", handoffsChecked().size());
        root.put("repeatAfterHandoff", repeatAfterHandoff());
        root.put("url", url);
        root.put("scenarios", scenarios);
        root.put("customer", voice);
        root.put("durationSeconds", durationSeconds);
        ObjectNode kinds = root.putObject("byKind");
        by(ConversationResult::kind).forEach((kind, figures) -> figures.into(kinds.putObject(kind)));
        ObjectNode languages = root.putObject("byLanguage");
        by(ConversationResult::language).forEach((language, figures) -> figures.into(languages.putObject(language)));
        ObjectNode ratings = root.putObject("ratings");
        for (int stars = 1; stars <= 5; stars++) {
            int s = stars;
            ratings.put(String.valueOf(stars), conversations.stream().filter(c -> c.rating() == s).count());
        }
        ratings.put("submitted", conversations.stream().filter(ConversationResult::ratingSubmitted).count());
        ArrayNode failed = root.putArray("failed");
        failed().forEach(result -> failed.add(Http.JSON.valueToTree(result)));
        ArrayNode all = root.putArray("conversations");
        conversations.forEach(result -> all.add(Http.JSON.valueToTree(result)));
        return root;
    }

    public void printTable(PrintStream out) {
        Figures total = total();
        out.printf(Locale.ROOT, "Simulated customers: %d scenarios against %s (%s customers, %.0f s)%n%n", total.n(), url,
                voice, durationSeconds);
        out.printf(Locale.ROOT, "%-28s %s%n", "verified AI resolution", percent(total.verifiedResolution()));
        out.printf(Locale.ROOT, "%-28s %s of the %d the AI is expected to resolve%n", "", percent(verifiedOfResolvable()),
                conversations.stream().filter(c -> c.expect().equals("resolved")).count());
        out.printf(Locale.ROOT, "%-28s %s%n", "wrong answers", percent(total.wrongAnswers()));
        out.printf(Locale.ROOT, "%-28s %s%n", "correct escalations", percent(total.correctEscalations()));
        out.printf(Locale.ROOT, "%-28s %s%n", "unnecessary escalations", percent(total.unnecessaryEscalations()));
        out.printf(Locale.ROOT, "%-28s %s%n", "escalated after AI failed", percent(total.escalatedAfterFailure()));
        out.printf(Locale.ROOT, "%-28s %s%n", "missed escalations", percent(total.missedEscalations()));
        out.printf(Locale.ROOT, "%-28s %s of %d handoffs read by the simulated agent%n", "had to repeat after handoff",
                percent(repeatAfterHandoff()), handoffsChecked().size());
        out.printf(Locale.ROOT, "%-28s %s%n", "correctly declined", percent(total.correctlyDeclined()));
        out.printf(Locale.ROOT, "%-28s %s%n", "unresolved", percent(total.unresolved()));
        out.printf(Locale.ROOT, "%-28s %s%n", "errors", percent(total.errors()));
        out.printf(Locale.ROOT, "%-28s p50 %s, p90 %s%n", "time to relief", seconds(total.timeToReliefP50()),
                seconds(total.timeToReliefP90()));
        out.printf(Locale.ROOT, "%-28s %s%n%n", "average rating (1-5)", total.averageRating());
        groupTable(out, "kind", by(ConversationResult::kind));
        groupTable(out, "language", by(ConversationResult::language));
        List<ConversationResult> failed = failed();
        out.printf(Locale.ROOT, "Failed conversations (%d)%n", failed.size());
        for (ConversationResult result : failed) {
            out.printf(Locale.ROOT, "  %-34s %-24s %s  %s%n", result.scenario(), result.outcome(), result.conversationId(),
                    String.join("; ", result.why()));
        }
    }

    private static void groupTable(PrintStream out, String name, Map<String, Figures> groups) {
        out.printf(Locale.ROOT, "%-14s %5s %9s %7s %8s %12s %8s %9s%n", "by " + name, "n", "verified", "wrong", "correct",
                "unnecessary", "missed", "relief50");
        groups.forEach((key, f) -> out.printf(Locale.ROOT, "%-14s %5d %9s %7s %8s %12s %8s %9s%n", key, f.n(),
                percent(f.verifiedResolution()), percent(f.wrongAnswers()), percent(f.correctEscalations()),
                percent(f.unnecessaryEscalations()), percent(f.missedEscalations()), seconds(f.timeToReliefP50())));
        out.println();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String seconds(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f s", value);
    }

    /** The difference between an earlier report (its JSON) and this one, for people to read. */
    public void printComparison(JsonNode earlier, PrintStream out) {
        JsonNode now = toJson();
        out.println("Compared with the earlier report (earlier -> now):");
        for (String field : List.of("n", "verifiedResolution", "verifiedResolutionOfResolvable", "wrongAnswers", "correctEscalations",
                "unnecessaryEscalations", "escalatedAfterFailure", "missedEscalations", "repeatAfterHandoff", "correctlyDeclined",
                "unresolved", "errors", "averageRating")) {
            out.printf(Locale.ROOT, "  %-24s %s%n", field, change(earlier.path(field), now.path(field)));
        }
        out.printf(Locale.ROOT, "  %-24s %s%n", "timeToRelief p50",
                change(earlier.path("timeToReliefSeconds").path("p50"), now.path("timeToReliefSeconds").path("p50")));
        out.printf(Locale.ROOT, "  %-24s %s%n", "timeToRelief p90",
                change(earlier.path("timeToReliefSeconds").path("p90"), now.path("timeToReliefSeconds").path("p90")));
        Map<String, String> before = new LinkedHashMap<>();
        earlier.path("conversations").forEach(c -> before.put(c.path("scenario").asString(), state(c)));
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        now.path("conversations").forEach(c -> {
            String id = c.path("scenario").asString();
            String then = before.get(id);
            String state = state(c);
            if (then != null && !then.equals(state)) {
                String line = String.format(Locale.ROOT, "    %-34s %s -> %s", id, then, state);
                (state.startsWith("ok") ? better : worse).add(line);
            }
        });
        out.printf(Locale.ROOT, "  now passing (%d):%n", better.size());
        better.stream().sorted(Comparator.naturalOrder()).forEach(out::println);
        out.printf(Locale.ROOT, "  now failing or changed (%d):%n", worse.size());
        worse.stream().sorted(Comparator.naturalOrder()).forEach(out::println);
    }

    private static String state(JsonNode conversation) {
        boolean ok = conversation.path("verified").asBoolean()
                || conversation.path("outcome").asString().equals(Outcome.ESCALATED_CORRECTLY.name())
                || conversation.path("outcome").asString().equals(Outcome.DECLINED_CORRECTLY.name());
        ok = ok && !conversation.path("wrongAnswer").asBoolean();
        return (ok ? "ok " : "FAIL ") + conversation.path("outcome").asString();
    }

    private static String change(JsonNode before, JsonNode after) {
        if (before.isMissingNode() || before.isNull()) {
            return "- -> " + after.asString("-");
        }
        if (after.isMissingNode() || after.isNull()) {
            return before.asString() + " -> -";
        }
        double delta = after.asDouble() - before.asDouble();
        return String.format(Locale.ROOT, "%s -> %s (%+.3f)", before.asString(), after.asString(), delta);
    }
}
