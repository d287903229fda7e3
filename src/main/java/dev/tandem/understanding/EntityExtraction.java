package dev.tandem.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * Finds order numbers, email addresses, amounts of money and phone numbers in a customer's message,
 * so an agent sees them at a glance and rules can weigh them ("a dispute over more than $500").
 * Where two readings overlap ("NW-10482" is not a phone number), the one found first in this order
 * wins: email, order number, amount, phone.
 */
@Service
public class EntityExtraction {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.\\p{L}{2,}", FLAGS);

    /** "NW-10482", "#10482", "order 10482", "pedido nº 10482", "Bestellnummer 10482". */
    private static final Pattern ORDER = Pattern.compile(
            "\\b(NW-?\\d{4,})\\b"
                    + "|#\\s?(\\d{4,})\\b"
                    + "|\\b(?:order|orden|pedido|commande|bestellung|bestellnummer|auftrag|encomenda|ordine|bestelling)"
                    + "(?:\\s*(?:number|no\\.?|nr\\.?|n[ºo°]\\.?|numero|número|nummer|num\\.?|#))?\\s*[:#]?\\s*([A-Z]{0,3}-?\\d{4,})\\b",
            FLAGS);

    private static final String SYMBOLS = "[$€£¥]|US\\$|R\\$|CHF|USD|EUR|GBP|CAD|AUD|BRL|MXN";
    private static final String NUMBER = "\\d{1,3}(?:[.,  ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<c1>" + SYMBOLS + ")\\s?(?<n1>" + NUMBER + ")"
                    + "|(?<n2>" + NUMBER + ")\\s?(?<c2>" + SYMBOLS + "|dollars?|euros?|pounds?|d[oó]lares|libras|reais|reales)(?!\\p{L})",
            FLAGS);

    private static final Pattern PHONE = Pattern.compile("(?<![\\w.])\\+?\\d[\\d ()./-]{7,}\\d\\b");

    private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("$", "USD"), Map.entry("us$", "USD"),
            Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"), Map.entry("r$", "BRL"),
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("dolares", "USD"),
            Map.entry("dólares", "USD"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("pound", "GBP"),
            Map.entry("pounds", "GBP"), Map.entry("libras", "GBP"), Map.entry("reais", "BRL"), Map.entry("reales", "BRL"));

    public List<Entity> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Entity> found = new ArrayList<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            add(found, new Entity(EntityType.EMAIL, email.group(), email.group().toLowerCase(Locale.ROOT), email.start(),
                    email.end()));
        }
        Matcher order = ORDER.matcher(text);
        while (order.find()) {
            int group = order.group(1) != null ? 1 : order.group(2) != null ? 2 : 3;
            String number = order.group(group).toUpperCase(Locale.ROOT);
            if (number.startsWith("NW") && !number.startsWith("NW-")) {
                number = "NW-" + number.substring(2);
            }
            add(found, new Entity(EntityType.ORDER_NUMBER, order.group(group), number, order.start(group),
                    order.end(group)));
        }
        Matcher amount = AMOUNT.matcher(text);
        while (amount.find()) {
            String number = amount.group("n1") != null ? amount.group("n1") : amount.group("n2");
            String currency = amount.group("c1") != null ? amount.group("c1") : amount.group("c2");
            add(found, new Entity(EntityType.AMOUNT, amount.group(), decimal(number) + currencyCode(currency),
                    amount.start(), amount.end()));
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            String digits = phone.group().replaceAll("[^\\d+]", "");
            if (digits.replace("+", "").length() >= 8 && digits.replace("+", "").length() <= 15) {
                add(found, new Entity(EntityType.PHONE, phone.group(), digits, phone.start(), phone.end()));
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        return List.copyOf(found);
    }

    private static void add(List<Entity> found, Entity candidate) {
        boolean overlaps = found.stream().anyMatch(e -> e.start() < candidate.end() && candidate.start() < e.end());
        if (!overlaps) {
            found.add(candidate);
        }
    }

    private static String currencyCode(String currency) {
        String key = currency.toLowerCase(Locale.ROOT);
        String code = CURRENCIES.getOrDefault(key, currency.toUpperCase(Locale.ROOT));
        return " " + code;
    }

    /**
     * "1,250.50", "1.250,50", "1 250" and "650" as plain decimals: a separator followed by exactly
     * one or two digits at the end is the decimal point, any other separates thousands.
     */
    static String decimal(String written) {
        String digits = written.replaceAll("[  ]", "");
        Matcher decimals = Pattern.compile("[.,](\\d{1,2})$").matcher(digits);
        String fraction = "";
        if (decimals.find()) {
            fraction = "." + decimals.group(1);
            digits = digits.substring(0, decimals.start());
        }
        return digits.replaceAll("[.,]", "") + fraction;
    }
}
