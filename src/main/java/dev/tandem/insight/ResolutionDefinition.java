package dev.tandem.insight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What counts as a verified (billable) AI resolution, as configuration: read from YAML, versioned in the database
 * ({@link ResolutionDefinitions}); the shipped {@code insight/resolution-definition.yml} is version 0.
 *
 * @param window how long after the conversation ended the customer may come back before it counts
 * @param confirmations the kinds of confirmation that count ({@code answer-confirmed}, {@code procedure-completed})
 * @param negativeRatingAtMost a rating at or below it disqualifies (0: ratings do not)
 * @param negativeAnswerFeedbackDisqualifies a "no" to an answer after the last "yes" disqualifies
 * @param unknownTopicIsSame a new contact of unknown topic counts as the same topic
 */
record ResolutionDefinition(int version, String yaml, Duration window, Set<String> confirmations,
        int negativeRatingAtMost, boolean negativeAnswerFeedbackDisqualifies, boolean unknownTopicIsSame) {

    static final String ANSWER_CONFIRMED = "answer-confirmed";
    static final String PROCEDURE_COMPLETED = "procedure-completed";
    private static final Set<String> KNOWN = Set.of("window", "confirmations", "negative-rating-at-most",
            "negative-answer-feedback-disqualifies", "unknown-topic-is-same");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,5})\\s*([hd])");
    private static final int MAX_LENGTH = 10_000;

    ResolutionDefinition {
        confirmations = Set.copyOf(confirmations);
    }

    static ResolutionDefinition bundled() {
        try (InputStream in = ResolutionDefinition.class.getResourceAsStream("/insight/resolution-definition.yml")) {
            return read(0, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("insight/resolution-definition.yml is missing from the jar", e);
        }
    }

    /** Reads a definition; every mistake is a 400 problem that says what to fix. */
    static ResolutionDefinition read(int version, String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw invalid("Send the definition as YAML (see GET /api/insight/ledger/definition for the current one).");
        }
        if (yaml.length() > MAX_LENGTH) {
            throw invalid("The definition is longer than " + MAX_LENGTH + " characters.");
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw invalid("The definition is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw invalid("The definition must be a YAML mapping (window, confirmations, ...).");
        }
        for (Object key : map.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                throw invalid("Unknown setting '" + key + "'; known: " + String.join(", ", KNOWN.stream().sorted().toList()) + ".");
            }
        }
        Duration window = duration(map.get("window"));
        Object confirmations = map.get("confirmations");
        if (!(confirmations instanceof List<?> list) || list.isEmpty()) {
            throw invalid("'confirmations' must list at least one of " + ANSWER_CONFIRMED + ", " + PROCEDURE_COMPLETED + ".");
        }
        Set<String> kinds = new java.util.LinkedHashSet<>();
        for (Object kind : list) {
            String name = String.valueOf(kind).strip().toLowerCase(Locale.ROOT);
            if (!name.equals(ANSWER_CONFIRMED) && !name.equals(PROCEDURE_COMPLETED)) {
                throw invalid("Unknown confirmation '" + kind + "'; use " + ANSWER_CONFIRMED + " or " + PROCEDURE_COMPLETED + ".");
            }
            kinds.add(name);
        }
        Object rating = map.containsKey("negative-rating-at-most") ? map.get("negative-rating-at-most") : (Object) 2;
        if (!(rating instanceof Integer at) || at < 0 || at > 4) {
            throw invalid("'negative-rating-at-most' must be a whole number from 0 (ratings never disqualify) to 4.");
        }
        return new ResolutionDefinition(version, yaml, window, kinds, at,
                flag(map, "negative-answer-feedback-disqualifies", true), flag(map, "unknown-topic-is-same", true));
    }

    private static boolean flag(Map<?, ?> map, String name, boolean otherwise) {
        Object value = map.containsKey(name) ? map.get(name) : otherwise;
        if (!(value instanceof Boolean b)) {
            throw invalid("'" + name + "' must be true or false.");
        }
        return b;
    }

    private static Duration duration(Object value) {
        if (value == null) {
            throw invalid("'window' is missing: how long the customer may come back, e.g. 72h.");
        }
        String text = String.valueOf(value).strip();
        Duration window;
        Matcher shorter = SHORT_DURATION.matcher(text);
        if (shorter.matches()) {
            long amount = Long.parseLong(shorter.group(1));
            window = shorter.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
        } else {
            try {
                window = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid("'window' must be a duration such as 72h, 3d or PT72H, not '" + text + "'.");
            }
        }
        if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(Duration.ofDays(90)) > 0) {
            throw invalid("'window' must be between 1 hour and 90 days.");
        }
        return window;
    }

    private static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
