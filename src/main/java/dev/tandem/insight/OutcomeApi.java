package dev.tandem.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A conversation's outcome for those who may see the conversation. */
@RestController
@Tag(name = "Insight", description = "Outcomes, CSAT and the resolution ledger")
class OutcomeApi {

    private final ConversationQueries conversations;
    private final ConversationOutcomes outcomes;
    private final Ledger ledger;

    OutcomeApi(ConversationQueries conversations, ConversationOutcomes outcomes, Ledger ledger) {
        this.conversations = conversations;
        this.outcomes = outcomes;
        this.ledger = ledger;
    }

    @GetMapping("/api/conversations/{id}/outcome")
    @Operation(summary = "The conversation's outcome as judged at its last event: outcome, first response and relief "
            + "times, confirmation, repeated facts after handoff, repeat contact, CSAT, and its ledger entry if any; "
            + "404 until it is first judged (at handoff, resolution, or when it goes quiet)")
    Map<String, Object> outcome(CurrentUser user, @PathVariable UUID id) {
        conversations.details(user, id);
        Map<String, Object> row = outcomes.row(id).orElseThrow(() -> RateConversation.problem(HttpStatus.NOT_FOUND,
                "Conversation " + id + " has no outcome yet: it is judged when it is handed over, resolved, or goes quiet."));
        Map<String, Object> answer = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            String name = column.toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("customer_id")) {
                answer.put(camel(name), value instanceof java.sql.Timestamp t ? t.toInstant().toString()
                        : value instanceof java.time.OffsetDateTime t ? t.toInstant().toString()
                        : value instanceof java.sql.Date d ? d.toString() : value);
            }
        });
        ledger.entryOf(id).ifPresent(entry -> answer.put("ledgerEntryId", entry.id()));
        return answer;
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
