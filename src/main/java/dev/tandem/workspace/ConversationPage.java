package dev.tandem.workspace;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.escalation.HandoffPacket;
import dev.tandem.escalation.HandoffPackets;
import dev.tandem.guardrails.AgentView;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;
import dev.tandem.insight.Summaries;
import dev.tandem.insight.Summary;

/**
 * One conversation: header with actions, timeline, composer and the customer panel; plus the
 * header and the newest messages as fragments for live updates.
 */
@Controller
class ConversationPage {

    private final ConversationQueries queries;
    private final UserDirectory directory;
    private final HandoffPackets packets;

    private final AgentView agentView;
    private final Summaries summaries;

    ConversationPage(ConversationQueries queries, UserDirectory directory, HandoffPackets packets, AgentView agentView,
            Summaries summaries) {
        this.summaries = summaries;
        this.queries = queries;
        this.directory = directory;
        this.packets = packets;
        this.agentView = agentView;
    }

    /** The customer's details as this viewer may see them (the role's policy of personal data). */
    private static dev.tandem.conversation.Customer masked(dev.tandem.conversation.Customer customer,
            java.util.function.UnaryOperator<String> mask) {
        return new dev.tandem.conversation.Customer(customer.id(), mask.apply(customer.name()),
                mask.apply(customer.email()), customer.externalId(), customer.createdAt());
    }

    /** The packet matters while a person takes over; building it reads the conversation once more. */
    private HandoffPacket packet(CurrentUser me, ConversationDetails details) {
        var status = details.conversation().status();
        return status == ConversationStatus.QUEUED || status == ConversationStatus.ASSIGNED
                ? packets.of(details).masked(agentView.maskFor(me)) : null;
    }

    /**
     * The customer's history with what each conversation was about and how it ended, from their summaries
     * (the customer's timeline of contacts), masked for the viewer.
     */
    private java.util.Map<java.util.UUID, String> historySummaries(CurrentUser me,
            List<dev.tandem.conversation.ConversationSummary> history) {
        var shown = agentView.maskFor(me);
        var found = summaries.current(history.stream().map(h -> h.id()).toList());
        java.util.Map<java.util.UUID, String> lines = new java.util.HashMap<>();
        found.forEach((id, summary) -> lines.put(id, shown.apply(headline(summary))));
        return lines;
    }

    private static String headline(Summary summary) {
        String reason = summary.reason() == null ? "" : summary.reason();
        String outcome = summary.outcome().note() == null ? "" : summary.outcome().note();
        return reason.isEmpty() ? outcome : outcome.isEmpty() ? reason : reason + " · " + outcome;
    }

    @GetMapping("/conversations/{id}")
    String conversation(CurrentUser me, @PathVariable UUID id, @RequestParam(defaultValue = "queued") String view,
            Model model) {
        ConversationDetails details = queries.details(me, id);
        People people = People.load(directory);
        var conversation = details.conversation();
        model.addAttribute("header", ConversationHeader.of(conversation, people, me, packet(me, details)));
        AgentView.ConversationView seen = agentView.of(me, id);
        model.addAttribute("entries",
                TimelineEntry.of(details.messages(), null, conversation.customer().displayName(), seen));
        model.addAttribute("guardrailFlags", seen.flags());
        model.addAttribute("customer", masked(conversation.customer(), agentView.maskFor(me)));
        var history = queries.customer(me, conversation.customer().id()).conversations();
        var shown = agentView.maskFor(me);
        model.addAttribute("history", history);
        model.addAttribute("historySummaries", historySummaries(me, history));
        model.addAttribute("historySubjects", history.stream().filter(h -> h.subject() != null)
            .collect(java.util.stream.Collectors.toMap(h -> h.id(), h -> shown.apply(h.subject()))));
        model.addAttribute("teams", people.sortedTeams());
        model.addAttribute("agents", people.agents());
        model.addAttribute("people", people);
        model.addAttribute("view", InboxView.of(view));
        return "workspace/conversation";
    }

    @GetMapping("/conversations/{id}/header")
    String header(CurrentUser me, @PathVariable UUID id, @RequestParam(defaultValue = "queued") String view,
            Model model) {
        var details = queries.details(me, id);
        var conversation = details.conversation();
        model.addAttribute("header", ConversationHeader.of(conversation, People.load(directory), me, packet(me, details)));
        model.addAttribute("guardrailFlags", agentView.of(me, id).flags());
        model.addAttribute("customer", masked(conversation.customer(), agentView.maskFor(me)));
        var history = queries.customer(me, conversation.customer().id()).conversations();
        var shown = agentView.maskFor(me);
        model.addAttribute("history", history);
        model.addAttribute("historySummaries", historySummaries(me, history));
        model.addAttribute("historySubjects", history.stream().filter(h -> h.subject() != null)
            .collect(java.util.stream.Collectors.toMap(h -> h.id(), h -> shown.apply(h.subject()))));
        model.addAttribute("view", InboxView.of(view));
        return "workspace/conversation :: header-update";
    }

    /** The messages after {@code after}, or the whole timeline when that message is unknown. */
    @GetMapping("/conversations/{id}/messages")
    String messages(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) UUID after, Model model) {
        ConversationDetails details = queries.details(me, id);
        List<Message> messages = details.messages();
        int start = 0;
        Message previous = null;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(after)) {
                start = i + 1;
                previous = messages.get(i);
                break;
            }
        }
        model.addAttribute("entries", TimelineEntry.of(messages.subList(start, messages.size()), previous,
                details.conversation().customer().displayName(), agentView.of(me, id)));
        model.addAttribute("fresh", true);
        return "workspace/conversation :: entries";
    }
}
