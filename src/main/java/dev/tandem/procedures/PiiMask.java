package dev.tandem.procedures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks personal data in what the audit log keeps of a procedure's actions: an email keeps its first
 * letter and its domain, long numbers (cards, phones) their last four digits, secrets (codes, tokens,
 * addresses) nothing. Deliberately small and local: the guardrails module's PII detection can replace it
 * behind {@link #mask(Map)} without other changes.
 */
final class PiiMask {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d -]{6,}(\\d{4})");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(code|token|password|secret|address|phone).*");

    private PiiMask() {
    }

    static Map<String, Object> mask(Map<String, Object> values) {
        Map<String, Object> masked = new LinkedHashMap<>();
        values.forEach((name, value) -> masked.put(name, SECRET_NAME.matcher(name).matches() ? "***" : maskText(value)));
        return masked;
    }

    static Object maskText(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        return LONG_NUMBER.matcher(masked).replaceAll("****$1");
    }
}
