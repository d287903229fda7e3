package dev.tandem.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Conversations", description = "The agent side: queues, replies, assignment")
class ConversationApi {

    private final ConversationQueries queries;
    private final AssignConversation assign;
    private final PostAgentMessage postMessage;
    private final TransferConversation transfer;
    private final ResolveConversation resolve;
    private final ReopenConversation reopen;
    private final ObjectProvider<AgentRedaction> redaction;

    ConversationApi(ConversationQueries queries, AssignConversation assign, PostAgentMessage postMessage,
            TransferConversation transfer, ResolveConversation resolve, ReopenConversation reopen,
            ObjectProvider<AgentRedaction> redaction) {
        this.redaction = redaction;
        this.queries = queries;
        this.assign = assign;
        this.postMessage = postMessage;
        this.transfer = transfer;
        this.resolve = resolve;
        this.reopen = reopen;
    }

    record CustomerJson(UUID id, String name, String email, String externalId) {

        static CustomerJson of(Customer customer, UnaryOperator<String> mask) {
            return new CustomerJson(customer.id(), mask.apply(customer.name()), mask.apply(customer.email()),
                    customer.externalId());
        }
    }

    record MessageJson(UUID id, AuthorType author, UUID authorId, String authorName, String text, boolean internal,
            Instant createdAt, List<Object> citations,
            @Schema(description = "PLAIN, or FOLLOW_UP_OFFER on the notice that offered the customer a follow-up by "
                    + "email") MessageKind kind,
            @Schema(description = "The language a system notice was written in (en, es, fr, de, pt, it, nl); "
                    + "null when not recorded") String language) {

        static MessageJson of(Message m) {
            return of(m, UnaryOperator.identity());
        }

        static MessageJson of(Message m, UnaryOperator<String> mask) {
            return new MessageJson(m.id(), m.author(), m.authorId(), m.authorName(), mask.apply(m.text()), m.internal(),
                    m.createdAt(), List.of(), m.kind(), m.language());
        }
    }

    record ConversationJson(UUID id, ConversationStatus status, String channel, UUID teamId, UUID assigneeId,
            String subject, String lastPreview, CustomerJson customer, Instant createdAt, Instant updatedAt,
            Instant lastMessageAt, Instant resolvedAt, ConversationPriority priority, FirstResponse firstResponse,
            @Schema(description = "The address the customer left to be answered by email; null when none")
            String followUpEmail,
            List<MessageJson> messages) {

        static ConversationJson of(ConversationSummary c, List<Message> messages, UnaryOperator<String> mask) {
            return new ConversationJson(c.id(), c.status(), c.channel(), c.teamId(), c.assigneeId(),
                    mask.apply(c.subject()), mask.apply(c.lastPreview()), CustomerJson.of(c.customer(), mask),
                    c.createdAt(), c.updatedAt(), c.lastMessageAt(), c.resolvedAt(), c.priority(), c.firstResponse(),
                    mask.apply(c.followUpEmail()),
                    messages == null ? null : messages.stream().map(m -> MessageJson.of(m, mask)).toList());
        }
    }

    record ConversationPage(List<ConversationJson> items, long total, int limit, int offset) {
    }

    record NewMessage(@NotNull String text, Boolean internal, String clientMessageId) {
    }

    record Transfer(UUID toAgentId, UUID toTeamId, String note) {
    }

    record CustomerHistoryJson(CustomerJson customer, List<ConversationJson> conversations) {
    }

    /** What the caller's role may not see of personal data is masked (module guardrails' policy). */
    private UnaryOperator<String> mask(CurrentUser user) {
        AgentRedaction policy = redaction.getIfAvailable();
        UnaryOperator<String> mask = policy == null ? UnaryOperator.identity() : policy.forViewer(user);
        return text -> text == null ? null : mask.apply(text);
    }

    @GetMapping("/conversations")
    @Operation(summary = "Conversations visible to the caller, newest activity first",
            description = "status: AI, QUEUED, ASSIGNED or RESOLVED (several allowed); assignee=me for your own. "
                    + "status=QUEUED alone lists the queue in working order: priority (URGENT, HIGH, NORMAL), then "
                    + "the earliest first-response target")
    ConversationPage list(CurrentUser user, @RequestParam(required = false) Set<ConversationStatus> status,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) UUID team,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        UUID assigneeId = null;
        if (assignee != null) {
            try {
                assigneeId = "me".equals(assignee) ? user.id() : UUID.fromString(assignee);
            }
            catch (IllegalArgumentException e) {
                throw ConversationProblems.invalid("assignee must be 'me' or a user id.");
            }
        }
        var filter = new ConversationFilter(status, assigneeId, team);
        var items = queries.list(user, filter, limit, offset).stream().map(c -> ConversationJson.of(c, null, mask(user))).toList();
        return new ConversationPage(items, queries.count(user, filter), limit, offset);
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "One conversation with all messages, internal notes included")
    ConversationJson get(CurrentUser user, @PathVariable UUID id) {
        var details = queries.details(user, id);
        return ConversationJson.of(details.conversation(), details.messages(), mask(user));
    }

    @PostMapping("/conversations/{id}/assign")
    @Operation(summary = "Assign the conversation to the caller; 409 when someone else has it")
    ConversationJson assign(CurrentUser user, @PathVariable UUID id) {
        return ConversationJson.of(assign.assignToSelf(user, id), null, mask(user));
    }

    @PostMapping("/conversations/{id}/messages")
    @Operation(summary = "Reply to the customer, or add an internal note with internal=true",
            description = "201 for a new message; a retry with the same clientMessageId answers 200 with the stored one")
    ResponseEntity<MessageJson> post(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody NewMessage message) {
        var posted = postMessage.post(user, id, message.text(), Boolean.TRUE.equals(message.internal()),
                message.clientMessageId());
        return ResponseEntity.status(posted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
            .body(MessageJson.of(posted.message()));
    }

    @PostMapping("/conversations/{id}/transfer")
    @Operation(summary = "Transfer to another agent (toAgentId) or to a team's queue (toTeamId)")
    ConversationJson transfer(CurrentUser user, @PathVariable UUID id, @RequestBody Transfer request) {
        return ConversationJson.of(transfer.transfer(user, id,
                new TransferConversation.Command(request.toAgentId(), request.toTeamId(), request.note())), null, mask(user));
    }

    @PostMapping("/conversations/{id}/resolve")
    @Operation(summary = "Resolve; the conversation reopens when the customer writes again")
    ConversationJson resolve(CurrentUser user, @PathVariable UUID id) {
        return ConversationJson.of(resolve.resolve(user, id), null, mask(user));
    }

    @PostMapping("/conversations/{id}/reopen")
    @Operation(summary = "Reopen a resolved conversation and take it")
    ConversationJson reopen(CurrentUser user, @PathVariable UUID id) {
        return ConversationJson.of(reopen.reopen(user, id), null, mask(user));
    }

    @GetMapping("/customers/{id}")
    @Operation(summary = "A customer's profile and their conversations visible to the caller")
    CustomerHistoryJson customer(CurrentUser user, @PathVariable UUID id) {
        var history = queries.customer(user, id);
        return new CustomerHistoryJson(CustomerJson.of(history.customer(), mask(user)),
                history.conversations().stream().map(c -> ConversationJson.of(c, null, mask(user))).toList());
    }
}
