package dev.tandem.guardrails;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.Message;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;

/**
 * A conversation as a person in the workspace may see it: personal data their role may not see is masked
 * ({@code tandem.guardrails.personal-data.hidden-from}), a message the abuse guard shields is hidden behind a
 * notice until they open it, and the conversation's flags. Flags come from the stored findings; a customer
 * message too new to have been screened yet (the screening runs right after it is stored) is screened here,
 * so that a live view never shows an abusive message in the clear.
 */
@Service
public class AgentView {

    /** Customer messages younger than this may not have been screened yet. */
    private static final Duration FRESH = Duration.ofMinutes(2);

    /**
     * @param text what the viewer may read
     * @param shielded whether it is hidden until the viewer opens it
     * @param notice why it is hidden, or null
     */
    public record Shown(String text, boolean shielded, String notice) {
    }

    /** One conversation for one viewer. */
    public final class ConversationView {

        private final Set<PiiType> hidden;
        private final Map<UUID, List<GuardrailFindings.Stored>> stored;
        private final Set<Check> flags = new LinkedHashSet<>();

        private ConversationView(Set<PiiType> hidden, Map<UUID, List<GuardrailFindings.Stored>> stored) {
            this.hidden = hidden;
            this.stored = stored;
            stored.values().forEach(list -> list.forEach(f -> {
                if (f.actions().contains(GuardrailAction.FLAG)) {
                    flags.add(f.check());
                }
            }));
        }

        public Shown show(Message message) {
            String text = guardrails.personalData().mask(message.text(), hidden);
            if (message.author() != AuthorType.CUSTOMER) {
                return new Shown(text, false, null);
            }
            List<Check> shielding = new ArrayList<>();
            List<GuardrailFindings.Stored> found = stored.get(message.id());
            if (found != null) {
                found.stream().filter(f -> f.actions().contains(GuardrailAction.SHIELD_AGENT)).forEach(f -> shielding.add(f.check()));
            } else if (message.createdAt().isAfter(clock.instant().minus(FRESH))) {
                Screening screening = guardrails.screen(message.text());
                screening.findings().forEach(f -> {
                    if (f.actions().contains(GuardrailAction.SHIELD_AGENT)) {
                        shielding.add(f.check());
                    }
                    if (f.actions().contains(GuardrailAction.FLAG)) {
                        flags.add(f.check());
                    }
                });
            }
            return shielding.isEmpty() ? new Shown(text, false, null)
                    : new Shown(text, true, "Hidden: " + String.join(", ", shielding.stream().map(Check::label).toList()));
        }

        /** What the guardrails flagged in this conversation, in words ("abusive language"). */
        public List<String> flags() {
            return flags.stream().map(Check::label).toList();
        }
    }

    private final InputGuardrails guardrails;
    private final GuardrailFindings findings;
    private final GuardrailsProperties properties;
    private final Clock clock;

    AgentView(InputGuardrails guardrails, GuardrailFindings findings, GuardrailsProperties properties, Clock clock) {
        this.guardrails = guardrails;
        this.findings = findings;
        this.properties = properties;
        this.clock = clock;
    }

    public ConversationView of(CurrentUser viewer, UUID conversationId) {
        Map<UUID, List<GuardrailFindings.Stored>> byMessage = new HashMap<>();
        findings.ofConversation(conversationId)
            .forEach(f -> byMessage.computeIfAbsent(f.messageId(), id -> new ArrayList<>()).add(f));
        return new ConversationView(hiddenFrom(viewer.roles()), byMessage);
    }

    /** Masks what this viewer's roles may not see in any text of the workspace (subjects, previews). */
    public java.util.function.UnaryOperator<String> maskFor(CurrentUser viewer) {
        Set<PiiType> hidden = hiddenFrom(viewer.roles());
        return text -> text == null ? null : guardrails.personalData().mask(text, hidden);
    }

    /** The types of personal data masked for someone with these roles: what every one of their roles hides. */
    Set<PiiType> hiddenFrom(Set<Role> roles) {
        Map<Role, Set<PiiType>> policy = properties.personalData().hiddenFrom();
        Set<PiiType> hidden = null;
        for (Role role : roles) {
            Set<PiiType> byRole = policy.get(role);
            if (byRole == null) {
                continue;
            }
            if (hidden == null) {
                hidden = EnumSet.noneOf(PiiType.class);
                hidden.addAll(byRole);
            } else {
                hidden.retainAll(byRole);
            }
        }
        if (hidden == null) {
            Set<PiiType> agents = policy.get(Role.AGENT);
            return agents == null ? EnumSet.noneOf(PiiType.class) : agents;
        }
        return hidden;
    }
}
