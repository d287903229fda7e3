package dev.tandem.quality;

/**
 * The judgement of one rubric item on one conversation.
 *
 * @param item the rubric item's name
 * @param value true, false, or null when the item does not apply
 * @param messageId the message the verdict rests on (null when it does not apply)
 * @param quote the exact words of that message it rests on
 * @param confidence how sure the judge is, 0 to 1
 * @param basis why, in a few words (the rule or the model's reason)
 */
public record Verdict(String item, Boolean value, String messageId, String quote, double confidence, String basis) {

    static Verdict notApplicable(String item, String basis) {
        return new Verdict(item, null, null, null, 0.8, basis);
    }
}
