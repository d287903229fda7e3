package dev.tandem.insight;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that keeps a summary to what the conversation says: every number in it (order numbers, amounts,
 * dates, quantities) must occur in the conversation. Numbers are compared by their digits, so "NW-10511",
 * "order 10511" and "#10511" are the same number and "$189.00" matches "189.00 USD", while "$10" and
 * "$10.00" are not the same (a model that rewrites an amount fails the check, which errs on the safe side).
 */
final class NumberGrounding {

    /** Digits, possibly grouped by separators: "10511", "189.00", "1,250.50", "2026-11-03", "14:02". */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:/-]\\d+)*");

    private final Set<String> known = new HashSet<>();

    NumberGrounding(List<String> conversationTexts) {
        conversationTexts.forEach(text -> numbers(text).forEach(known::add));
    }

    /** Whether every number in {@code text} occurs in the conversation. */
    boolean grounded(String text) {
        return text == null || known.containsAll(numbers(text));
    }

    /** The numbers of {@code text} that do not occur in the conversation. */
    List<String> ungrounded(String text) {
        return numbers(text).stream().filter(number -> !known.contains(number)).toList();
    }

    static List<String> numbers(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> numbers = new java.util.ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group().replaceAll("\\D", ""));
        }
        return numbers;
    }
}
