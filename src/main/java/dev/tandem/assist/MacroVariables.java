package dev.tandem.assist;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a macro's {@code {{variables}}}: {@code customer.name}, {@code customer.first_name},
 * {@code customer.email}, {@code order.number} (the latest order number the customer wrote),
 * {@code agent.name}. A variable with no value stays as written, so that the agent sees what to fill in.
 */
final class MacroVariables {

    static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+(?:\\.[a-z_]+)*)\\s*}}");

    private MacroVariables() {
    }

    static String fill(String body, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null || value.isBlank()
                    ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
