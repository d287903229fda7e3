package dev.tandem.procedures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of value a procedure asks for, and how to read each from what a customer writes. {@link #answer}
 * reads a reply to the question ("it's nw 1002", "$30"); {@link #mention} finds a value in any message
 * only when it cannot be anything else (an amount needs its currency), so that values given unasked are
 * not asked for again without reading numbers into the wrong place.
 */
enum ValueType {

    EMAIL("email"), ORDER_NUMBER("order-number"), GIFT_CARD("gift-card"), AMOUNT("amount"), DATE("date"), CODE("code"),
    ADDRESS("address"), TEXT("text");

    private static final Pattern EMAIL_PATTERN = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern ORDER = Pattern.compile("(?i)\\bNW[\\s-]?(\\d{4,8})\\b");
    private static final Pattern BARE_ORDER = Pattern.compile("^\\s*#?(\\d{4,8})\\s*[.!]?\\s*$");
    private static final Pattern CARD = Pattern.compile("(?i)\\bGC[\\s-]?(\\d{4})[\\s-]?(\\d{4})\\b");
    private static final Pattern MONEY = Pattern.compile("(?i)(?:[$€£]\\s?(\\d{1,7}(?:[.,]\\d{1,2})?)|(\\d{1,7}(?:[.,]\\d{1,2})?)\\s?(?:[$€£]|usd|eur|gbp|dollars?|euros?)\\b)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w-])(\\d{1,7}(?:[.,]\\d{1,2})?)(?![\\w-])");
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})\\s?(\\d{3})(?!\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM d[,] uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM d[,] uuuu").toFormatter(Locale.ENGLISH));

    private final String name;

    ValueType(String name) {
        this.name = name;
    }

    String typeName() {
        return name;
    }

    static ValueType named(String name) {
        for (ValueType type : values()) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown value type " + name + " (email, order-number, gift-card, amount, date, code, address, text)");
    }

    /** The value in a reply to the question for it, or empty when the reply does not hold one. */
    Optional<Object> answer(String text) {
        String t = text.strip();
        return switch (this) {
            case EMAIL, ORDER_NUMBER, GIFT_CARD, CODE -> mention(t).or(() -> this == ORDER_NUMBER ? bareOrder(t) : Optional.empty());
            case AMOUNT -> money(MONEY.matcher(t)).or(() -> money(NUMBER.matcher(t.replaceAll("(?i)\\bNW[\\s-]?\\d+", ""))));
            case DATE -> date(t);
            case ADDRESS -> t.length() >= 10 && t.length() <= 300 && t.chars().anyMatch(Character::isDigit)
                    && t.chars().anyMatch(Character::isLetter) ? Optional.of(t) : Optional.empty();
            case TEXT -> t.length() >= 2 && t.length() <= 500 ? Optional.of(t) : Optional.empty();
        };
    }

    /** The value mentioned anywhere in a message, only when it is unmistakable. */
    Optional<Object> mention(String text) {
        return switch (this) {
            case EMAIL -> find(EMAIL_PATTERN.matcher(text)).map(m -> m.group().toLowerCase(Locale.ROOT));
            case ORDER_NUMBER -> find(ORDER.matcher(text)).map(m -> "NW-" + m.group(1));
            case GIFT_CARD -> find(CARD.matcher(text)).map(m -> "GC-" + m.group(1) + "-" + m.group(2));
            case CODE -> find(SIX_DIGITS.matcher(text)).map(m -> m.group(1) + m.group(2));
            case AMOUNT -> money(MONEY.matcher(text));
            case DATE -> find(ISO_DATE.matcher(text)).flatMap(m -> date(m.group(1)));
            case ADDRESS, TEXT -> Optional.empty();
        };
    }

    private static Optional<Object> bareOrder(String text) {
        return find(BARE_ORDER.matcher(text)).map(m -> "NW-" + m.group(1));
    }

    /** The first amount the matcher finds, in whichever of its groups holds the digits. */
    private static Optional<Object> money(Matcher matcher) {
        if (!matcher.find()) {
            return Optional.empty();
        }
        String digits = null;
        for (int group = 1; group <= matcher.groupCount() && digits == null; group++) {
            digits = matcher.group(group);
        }
        return Optional.of(new BigDecimal(digits.replace(',', '.')).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private static Optional<Object> date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text.strip().replaceAll("(?i)(\\d)(st|nd|rd|th)\\b", "$1"), format).toString());
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static Optional<Matcher> find(Matcher matcher) {
        return matcher.find() ? Optional.of(matcher) : Optional.empty();
    }
}
