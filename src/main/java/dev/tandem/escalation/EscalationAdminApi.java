package dev.tandem.escalation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.ai.LanguageDetection;

@RestController
@RequestMapping("/api/admin/escalation")
@Tag(name = "Escalation", description = "The escalation policy: its rules, and trying them on a conversation")
class EscalationAdminApi {

    private final EscalationPolicy policy;
    private final LanguageDetection languages;

    EscalationAdminApi(EscalationPolicy policy, LanguageDetection languages) {
        this.policy = policy;
        this.languages = languages;
    }

    @GetMapping("/rules")
    @Operation(summary = "The rules in effect")
    List<EscalationPolicy.RuleDefinitionView> rules() {
        return policy.rules();
    }

    record TryMessage(String author, String text) {
    }

    record TryConversation(List<TryMessage> messages, String language) {
    }

    record Verdict(boolean escalate, Priority priority, String why, List<Finding> findings, String language,
            String holdingMessage) {
    }

    @PostMapping("/assess")
    @Operation(summary = "What the policy decides after the last customer message of a conversation",
            description = "messages: [{author: customer|ai, text}], ending with the customer's; language optional")
    Verdict assess(@RequestBody TryConversation conversation) {
        if (conversation == null || conversation.messages() == null || conversation.messages().isEmpty()) {
            throw bad("\"messages\" must hold at least one message");
        }
        List<Turn> turns = conversation.messages().stream().map(message -> {
            if (message == null || message.text() == null || message.text().isBlank()) {
                throw bad("every message needs a non-empty \"text\"");
            }
            return switch (message.author() == null ? "" : message.author()) {
                case "customer" -> Turn.customer(message.text());
                case "ai" -> Turn.ai(message.text(), Turn.AiOutcome.UNKNOWN);
                default -> throw bad("\"author\" must be \"customer\" or \"ai\"");
            };
        }).toList();
        if (!turns.get(turns.size() - 1).fromCustomer()) {
            throw bad("the last message must be the customer's: the policy decides after each one");
        }
        String language = conversation.language() != null ? conversation.language()
                : languages.detect(String.join("\n", turns.stream().filter(Turn::fromCustomer).map(Turn::text).toList()))
                    .orElse("en");
        Assessment assessment = policy.assess(turns, language);
        return new Verdict(assessment.escalate(), assessment.priority(), assessment.inWords(), assessment.findings(),
                language, assessment.escalate() ? HoldingMessages.of(policy.holdingKind(assessment), language) : null);
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
