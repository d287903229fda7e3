package dev.tandem.procedures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.PropertyPlaceholderHelper;

/** Fills {@code ${name}} in replies, paths and request bodies with the run's values. */
final class Templates {

    private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", null, null, true);

    private Templates() {
    }

    static String render(String template, Map<String, Object> values) {
        return PLACEHOLDERS.replacePlaceholders(template, name -> {
            Object value = values.get(name);
            return value == null ? null : display(value);
        });
    }

    /** A path or query: each value URL-encoded, so an email or an address cannot change the path. */
    static String renderPath(String template, Map<String, Object> values) {
        return PLACEHOLDERS.replacePlaceholders(template, name -> {
            Object value = values.get(name);
            return value == null ? null
                    : java.net.URLEncoder.encode(display(value), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        });
    }

    /** A request body: a string that is only one placeholder keeps the value's type (a number stays a number). */
    static Map<String, Object> render(Map<String, Object> body, Map<String, Object> values) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        body.forEach((key, template) -> {
            if (template instanceof String text && text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1) {
                rendered.put(key, values.get(text.substring(2, text.length() - 1)));
            } else if (template instanceof String text) {
                rendered.put(key, render(text, values));
            } else {
                rendered.put(key, template);
            }
        });
        return rendered;
    }

    /** Money has two decimals. */
    static String display(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(Math.max(2, decimal.stripTrailingZeros().scale()), RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return display(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        return String.valueOf(value);
    }
}
