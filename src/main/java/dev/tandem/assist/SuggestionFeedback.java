package dev.tandem.assist;

import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.CurrentUser;

/**
 * Records what an agent did with a suggestion. A text sent is compared with the suggestion: the same
 * (white space aside) is USED, otherwise EDITED with the Levenshtein distance; DISMISSED needs no text.
 */
@Service
class SuggestionFeedback {

    private final SuggestionRecords records;
    private final ConversationQueries conversations;

    SuggestionFeedback(SuggestionRecords records, ConversationQueries conversations) {
        this.records = records;
        this.conversations = conversations;
    }

    SuggestionRecords.Shown record(CurrentUser agent, UUID suggestionId, String outcome, String finalText) {
        SuggestionRecords.Shown shown = records.find(suggestionId)
            .orElseThrow(() -> AssistProblems.notFound("No suggestion with id " + suggestionId + "."));
        conversations.details(agent, shown.conversationId()); // refuses a conversation the agent may not see
        Suggestion.Outcome chosen;
        if ("DISMISSED".equalsIgnoreCase(outcome)) {
            chosen = Suggestion.Outcome.DISMISSED;
            records.outcome(suggestionId, chosen, null, null, agent.id());
        } else if ("USED".equalsIgnoreCase(outcome) || "SENT".equalsIgnoreCase(outcome) || "EDITED".equalsIgnoreCase(outcome)) {
            String sent = finalText == null || finalText.isBlank() ? shown.text() : finalText.strip();
            int distance = levenshtein(normal(shown.text()), normal(sent));
            chosen = distance == 0 ? Suggestion.Outcome.USED : Suggestion.Outcome.EDITED;
            records.outcome(suggestionId, chosen, sent, distance, agent.id());
        } else {
            throw AssistProblems.invalid("outcome must be USED, EDITED, SENT or DISMISSED, not '" + outcome + "'.");
        }
        return records.find(suggestionId).orElseThrow();
    }

    private static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Edit distance in characters; two rows of the table, texts are at most 4,000 characters. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
