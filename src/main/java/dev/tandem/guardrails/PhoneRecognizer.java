package dev.tandem.guardrails;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Phone numbers through libphonenumber's matcher, which knows every country's numbering plan: a number
 * with its country code ({@code +44 20 7946 0958}) is found whatever the region, a national one
 * ({@code (415) 555-0134}, {@code 030 901820}) if it is possible in one of the configured regions. The
 * leniency is {@code POSSIBLE} (right length for the region), not {@code VALID}: a made-up or newly issued
 * number is still someone's number to protect. Then any run of 9 to 15 digits written the way phone
 * numbers are ({@code 001-212-555-0134x12}) that nothing else claimed.
 */
final class PhoneRecognizer implements PiiRecognizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d[\\d\\s().-]{5,}\\d");
    private static final Pattern PHONE_LIKE = Pattern.compile(
            "(?<![\\w+])(?:\\+|00)?\\(?\\d[\\d\\s().-]{7,20}\\d(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?!\\w)");

    private static final Pattern ISO_DATE = Pattern.compile("(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}");

    private final List<String> regions;

    /** @param regions ISO 3166 regions whose national formats are read, e.g. US, GB, DE */
    PhoneRecognizer(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public void find(String text, List<PiiSpan> found) {
        if (!DIGIT_RUN.matcher(text).find()) {
            return;
        }
        for (String region : regions) {
            for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE,
                    Long.MAX_VALUE)) {
                String raw = match.rawString();
                // POSSIBLE accepts two-digit numbers in some plans (Germany's); nobody's phone is that short
                boolean inWord = (match.start() > 0 && Character.isLetterOrDigit(text.charAt(match.start() - 1)))
                        || (match.end() < text.length() && Character.isLetterOrDigit(text.charAt(match.end())));
                if (!inWord && !partOfLongerNumber(text, match.start(), match.end()) && raw.chars().filter(Character::isDigit).count() >= 7 && !ISO_DATE.matcher(raw).matches()) {
                    found.add(new PiiSpan(PiiType.PHONE, match.start(), match.end()));
                }
            }
        }
        Matcher m = PHONE_LIKE.matcher(text);
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            boolean separated = m.group().chars().anyMatch(c -> c == ' ' || c == '-' || c == '.' || c == '(')
                    || m.group().startsWith("+");
            if (digits >= 9 && digits <= 15 && separated && !partOfLongerNumber(text, m.start(), m.end())) {
                found.add(new PiiSpan(PiiType.PHONE, m.start(), m.end()));
            }
        }
    }

    /**
     * Whether digit groups go on right before or after, one space or dash away: the tail of a card number that
     * failed its check, or of an IBAN, is not a phone number.
     */
    private static boolean partOfLongerNumber(String text, int start, int end) {
        boolean before = start >= 2 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '-')
                && Character.isLetterOrDigit(text.charAt(start - 2));
        boolean after = end + 1 < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '-')
                && Character.isDigit(text.charAt(end + 1));
        return before && Character.isDigit(text.charAt(start - 2)) || after;
    }
}
