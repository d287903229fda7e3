package dev.tandem.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A conversation typed by a person to try the policy: one message a line, lines starting with
 * {@code AI:} (or {@code A:}) are the assistant's, {@code C:} or nothing the customer's.
 */
final class Transcripts {

    private static final Pattern AI = Pattern.compile("^\\s*(ai|a|assistant)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUSTOMER = Pattern.compile("^\\s*(c|customer)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    static final int MAX_LENGTH = 8_000;

    private Transcripts() {
    }

    static List<Turn> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("Type at least one customer message.");
        }
        if (typed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Keep the conversation under " + MAX_LENGTH + " characters.");
        }
        List<Turn> turns = new ArrayList<>();
        for (String line : typed.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var ai = AI.matcher(line);
            if (ai.find()) {
                turns.add(Turn.ai(line.substring(ai.end()), Turn.AiOutcome.UNKNOWN));
            } else {
                var customer = CUSTOMER.matcher(line);
                turns.add(Turn.customer(customer.find() ? line.substring(customer.end()) : line));
            }
        }
        if (turns.isEmpty() || !turns.get(turns.size() - 1).fromCustomer()) {
            throw new IllegalArgumentException("End with a customer message: the policy decides after each one.");
        }
        return turns;
    }
}
