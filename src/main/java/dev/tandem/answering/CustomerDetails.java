package dev.tandem.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question as the knowledge sees it: without the details a customer adds about themselves. "How
 * long does delivery to Canada take? My email is ada.lovelace@example.org" asks what the first
 * sentence asks; the address, an order or phone number and the words that announce them ("my email
 * is", "order no.") would only pull the search towards articles about email addresses and orders and
 * dilute the decision to answer (the assist panel's search uses it for the same reason). So a detail is cut out, and a sentence that only gave details is
 * dropped; what is left is searched and decided on. The reply and the record keep the message as sent.
 */
public final class CustomerDetails {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern URL = Pattern.compile("\\bhttps?://\\S+", Pattern.CASE_INSENSITIVE);
    /** International or national phone numbers: 7+ digits with the usual separators. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w#-])\\+?\\(?\\d[\\d ().-]{6,}\\d(?![\\w-])");
    /**
     * Order, invoice, tracking and account references: a code of letters and digits with at least
     * four digits ("NW-204518", "#88812", "1Z999AA10123456784"), or any number after "#".
     */
    private static final Pattern REFERENCE = Pattern.compile(
            "#\\s?\\w+|\\b(?=[\\w-]*\\d{4})(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\\b");
    /** What is left of a sentence that only announced a detail: "my email is", "order no.:", "ref". */
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "(?iu)^[\\s,;:.!()-]*(?:(?:and|also|btw|ps|p\\.s\\.)[\\s,]+)?(?:(?:my|the|our|your)\\s+)?"
                    + "(?:e-?mail(?:\\s+address)?|address|phone(?:\\s+number)?|mobile|cell|tel(?:ephone)?|number|"
                    + "order(?:\\s+(?:number|no\\.?|id|ref(?:erence)?))?|invoice(?:\\s+number)?|ref(?:erence)?"
                    + "(?:\\s+number)?|tracking(?:\\s+number)?|account(?:\\s+number)?|customer\\s+(?:number|id)|"
                    + "(?:i\\s+am|i'm)\\s+reachable\\s+(?:at|on)|you\\s+can\\s+reach\\s+me\\s+(?:at|on)|"
                    + "contact\\s+me\\s+(?:at|on)|it'?s|its|is|at|on)?"
                    + "(?:\\s+(?:is|was|:|=|at|on|its|it's))*[\\s,;:.!()-]*$");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\(([^()]*)\\)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private CustomerDetails() {
    }

    /** {@code message} without the customer's own details; unchanged when it has none. */
    public static String removedFrom(String message) {
        if (message == null || message.isBlank()) {
            return message;
        }
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(message.strip())) {
            String cleaned = cut(sentence);
            if (cleaned.equals(sentence)) {
                kept.add(sentence);
            } else if (!ANNOUNCEMENT.matcher(cleaned).matches()) {
                kept.add(cleaned.replaceAll("\\s{2,}", " ").replaceAll("\\s+([?.!,])", "$1").strip());
            }
        }
        String question = String.join(" ", kept).strip();
        // a message that was nothing but details is searched as sent: better than searching nothing
        return question.isEmpty() ? message : question;
    }

    private static String cut(String sentence) {
        String cleaned = EMAIL.matcher(sentence).replaceAll(" ");
        cleaned = URL.matcher(cleaned).replaceAll(" ");
        cleaned = PHONE.matcher(cleaned).replaceAll(" ");
        cleaned = REFERENCE.matcher(cleaned).replaceAll(" ");
        if (cleaned.equals(sentence)) {
            return sentence;
        }
        // "(order 55123)" leaves "(order )": an aside that only gave a detail goes whole
        return PARENTHESES.matcher(cleaned).replaceAll(
                aside -> ANNOUNCEMENT.matcher(aside.group(1)).matches() ? "" : Matcher.quoteReplacement(aside.group()));
    }
}
