package dev.tandem.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.tandem.answering.AnswerCustomer;
import dev.tandem.answering.AssistantTurns;
import dev.tandem.conversation.AiDisclosure;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.LeaveFollowUpEmail;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessageKind;
import dev.tandem.conversation.PostCustomerMessage;
import dev.tandem.escalation.EscalateConversation;
import dev.tandem.conversation.StartConversation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The customer side: what the widget (or any other client of a customer) calls. */
@RestController
@RequestMapping("/api/widget")
@Tag(name = "Widget", description = "The customer side; a conversation token authorises the customer")
class WidgetApi {

    static final String TOKEN_HEADER = "X-Conversation-Token";

    private final WidgetInboxes inboxes;
    private final ConversationTokens tokens;
    private final RateLimits limits;
    private final WidgetStreams streams;
    private final StartConversation start;
    private final PostCustomerMessage post;
    private final EscalateConversation escalate;
    private final ConversationQueries queries;
    private final AnswerCustomer assistant;
    private final AssistantTurns turns;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final LeaveFollowUpEmail followUps;

    private final InboxDisclosures disclosures;
    private final AiDisclosure disclosure;

    WidgetApi(WidgetInboxes inboxes, ConversationTokens tokens, RateLimits limits, WidgetStreams streams,
            StartConversation start, PostCustomerMessage post, EscalateConversation escalate, ConversationQueries queries,
            AnswerCustomer assistant, AssistantTurns turns,
            org.springframework.transaction.support.TransactionTemplate transactions, LeaveFollowUpEmail followUps,
            InboxDisclosures disclosures, AiDisclosure disclosure) {
        this.disclosures = disclosures;
        this.disclosure = disclosure;
        this.turns = turns;
        this.followUps = followUps;
        this.inboxes = inboxes;
        this.tokens = tokens;
        this.limits = limits;
        this.streams = streams;
        this.start = start;
        this.post = post;
        this.escalate = escalate;
        this.queries = queries;
        this.assistant = assistant;
        this.transactions = transactions;
    }

    record Citation(String title, String url, String articleId, String snippet) {
    }

    record WidgetMessage(UUID id, AuthorType author, String authorName, String text, Instant createdAt,
            List<Citation> citations,
            @Schema(description = "PLAIN for an ordinary message; FOLLOW_UP_OFFER on the system notice that nobody is "
                    + "online (outside business hours): the widget shows an email form under it while the conversation "
                    + "is QUEUED, and posts the address to /follow-up") MessageKind kind,
            @Schema(description = "The language a system notice is written in (en, es, fr, de, pt, it, nl), for "
                    + "whatever the client shows with it; null for other messages", example = "en") String language) {

        static WidgetMessage of(Message message) {
            String name = message.author() == AuthorType.AGENT ? message.authorName() : null;
            return new WidgetMessage(message.id(), message.author(), name, message.text(), message.createdAt(),
                    message.citations().stream()
                        .map(c -> new Citation(c.title(), absolute(c.url()), c.articleId(), c.snippet()))
                        .toList(),
                    message.kind(), message.language());
        }

        /**
         * The widget runs on the customer's site: a link to this server's help pages must name this
         * server, or the browser resolves it against the customer's site.
         */
        private static String absolute(String url) {
            if (url == null || !url.startsWith("/")) {
                return url;
            }
            try {
                return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(url).toUriString();
            } catch (IllegalStateException outsideARequest) {
                return url;
            }
        }
    }

    record CustomerInfo(String name, String email, String externalId) {
    }

    record NewConversation(String inbox, @NotNull(message = "is required: the customer's first message") String message,
            @Valid CustomerInfo customer, String clientMessageId) {
    }

    record StartedConversation(UUID id, String token, ConversationStatus status, List<WidgetMessage> messages,
            @Schema(description = AWAITING_REPLY) boolean awaitingReply) {
    }

    static final String AWAITING_REPLY = "true while the AI assistant owes the customer a reply: it is being worked "
            + "out and arrives over the live stream (GET .../events); the widget shows that the assistant is typing";

    private record Started(ConversationDetails details, String token) {
    }

    record NewMessage(@NotBlank(message = "is required") String text, String clientMessageId) {
    }

    record Posted(ConversationStatus status, List<WidgetMessage> messages,
            @Schema(description = AWAITING_REPLY) boolean awaitingReply) {

        Posted(ConversationStatus status, List<WidgetMessage> messages) {
            this(status, messages, WidgetApi.awaitingReply(status, messages));
        }
    }

    /** The assistant owes a reply when it has the conversation and the customer spoke last. */
    static boolean awaitingReply(ConversationStatus status, List<WidgetMessage> messages) {
        return status == ConversationStatus.AI && !messages.isEmpty()
                && messages.get(messages.size() - 1).author() == AuthorType.CUSTOMER;
    }

    record ConversationView(UUID id, ConversationStatus status,
            @Schema(description = "The address the customer left to be answered by email (POST .../follow-up, or "
                    + "typed into the chat while waiting outside business hours); null when none")
            String followUpEmail,
            List<WidgetMessage> messages,
            @Schema(description = AWAITING_REPLY) boolean awaitingReply) {
    }

    record InboxView(String key, String companyName, String greeting, String color, boolean aiEnabled,
            @Schema(description = "The notice that the customer talks to an AI, in the language asked for (lang), "
                    + "as the inbox, the configuration or the shipped texts word it") String aiDisclosure) {
    }

    @GetMapping("/inboxes/{key}")
    @Operation(summary = "The widget's look and greeting")
    InboxView inbox(@PathVariable String key, @RequestParam(required = false) String lang, HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        WidgetInbox inbox = inboxes.byKey(key)
            .orElseThrow(() -> WidgetInboxes.problem(HttpStatus.NOT_FOUND, "No widget inbox with key '" + key + "'."));
        String language = lang == null || lang.length() < 2 ? "en" : lang.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        language = AiDisclosure.LANGUAGES.contains(language) ? language : "en";
        String notice = disclosures.of(inbox.id()).get(language);
        return new InboxView(inbox.key(), inbox.companyName(), inbox.greeting(), inbox.color(), assistant.enabled(),
                notice != null ? notice : disclosure.text(language, null));
    }

    @PostMapping("/conversations")
    @Operation(summary = "Start a conversation with the customer's first message; the answer holds the token",
            description = "Retrying with the same clientMessageId (at least 16 characters) within 10 minutes returns "
                    + "the same conversation (200) with a fresh token instead of starting a second one.")
    ResponseEntity<StartedConversation> start(@Valid @RequestBody NewConversation body, HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        WidgetInbox inbox = body.inbox() == null ? inboxes.primary() : inboxes.byKey(body.inbox())
            .orElseThrow(() -> WidgetInboxes.problem(HttpStatus.BAD_REQUEST, "No widget inbox with key '" + body.inbox() + "'."));
        var retried = tokens.startedWith(body.clientMessageId(), inbox.id());
        if (retried.isPresent()) {
            ConversationDetails earlier = queries.forCustomer(retried.get()).orElseThrow();
            var messages = earlier.messages().stream().map(WidgetMessage::of).toList();
            ConversationStatus status = earlier.conversation().status();
            return ResponseEntity.ok(new StartedConversation(retried.get(),
                    tokens.issue(retried.get(), inbox.id(), body.clientMessageId()), status, messages,
                    awaitingReply(status, messages)));
        }
        limits.newConversation(request.getRemoteAddr());
        CustomerInfo customer = body.customer() == null ? new CustomerInfo(null, null, null) : body.customer();
        var started = transactions.execute(tx -> {
            ConversationDetails details = start.start(new StartConversation.Command(
                    new StartConversation.CustomerDetails(customer.name(), customer.email(), customer.externalId()),
                    body.message(), body.clientMessageId(), "widget", inbox.teamId(),
                    assistant.enabled() ? ConversationStatus.AI : ConversationStatus.QUEUED));
            String token = tokens.issue(details.conversation().id(), inbox.id(), body.clientMessageId());
            return new Started(details, token);
        });
        ConversationDetails details = started.details();
        // the assistant answers after the conversation is stored: its failure must not lose the customer's message
        var reply = assistantsTurn(details.conversation().id(), details.conversation().status(), details.messages().get(0));
        List<WidgetMessage> messages = new ArrayList<>();
        details.customerVisibleMessages().forEach(m -> messages.add(WidgetMessage.of(m)));
        reply.messages().forEach(m -> messages.add(WidgetMessage.of(m)));
        ConversationStatus status = reply.messages().isEmpty() ? details.conversation().status() : reply.status();
        return ResponseEntity.status(HttpStatus.CREATED).body(new StartedConversation(details.conversation().id(),
                started.token(), status, messages, awaitingReply(status, messages)));
    }

    @PostMapping("/conversations/{id}/messages")
    @Operation(summary = "Add a customer message; the same clientMessageId twice stores one message")
    ResponseEntity<Posted> post(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @Valid @RequestBody NewMessage body, HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        tokens.check(id, token);
        limits.message(id);
        var posted = post.post(id, body.text(), body.clientMessageId());
        if (posted.duplicate()) {
            // a retry: answer as the first attempt would have, with whatever followed the message
            ConversationDetails details = queries.forCustomer(id).orElseThrow(ConversationTokens::unknown);
            List<WidgetMessage> since = details.customerVisibleMessages().stream()
                .dropWhile(m -> !m.id().equals(posted.message().id()))
                .map(WidgetMessage::of)
                .toList();
            return ResponseEntity.ok(new Posted(details.conversation().status(), since));
        }
        var reply = assistantsTurn(id, posted.status(), posted.message());
        List<WidgetMessage> messages = new ArrayList<>();
        messages.add(WidgetMessage.of(posted.message()));
        reply.messages().forEach(m -> messages.add(WidgetMessage.of(m)));
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(new Posted(reply.messages().isEmpty() ? posted.status() : reply.status(), messages));
    }

    /** The assistant takes its turn only in its own conversations; with a person the message is all there is. */
    private AnswerCustomer.Reply assistantsTurn(UUID conversationId, ConversationStatus status, Message message) {
        return status == ConversationStatus.AI ? turns.answer(conversationId, message)
                : new AnswerCustomer.Reply(status, List.of());
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "The conversation with every message the customer may see")
    ConversationView get(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        tokens.check(id, token);
        ConversationDetails details = queries.forCustomer(id).orElseThrow(ConversationTokens::unknown);
        var messages = details.messages().stream().map(WidgetMessage::of).toList();
        return new ConversationView(id, details.conversation().status(), details.conversation().followUpEmail(),
                messages, awaitingReply(details.conversation().status(), messages));
    }

    @PostMapping("/conversations/{id}/handoff")
    @Operation(summary = "The customer asks for a person: to the human queue at once")
    Posted handoff(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        tokens.check(id, token);
        var outcome = escalate.customerAsked(id);
        List<WidgetMessage> messages = new ArrayList<>();
        outcome.notice().map(WidgetMessage::of).ifPresent(messages::add);
        return new Posted(outcome.status(), messages);
    }

    /** Checked here, before anything else runs; the use case checks the same shape again. */
    record FollowUp(
            @Schema(description = "Where to send the reply; surrounding spaces are trimmed and it is stored in lower case",
                    example = "maria@example.com", maxLength = LeaveFollowUpEmail.MAX_LENGTH)
            @NotBlank(message = "is required: the address to send the reply to")
            @Size(max = LeaveFollowUpEmail.MAX_LENGTH, message = "is too long (at most {max} characters)")
            @Pattern(regexp = "\\s*|" + LeaveFollowUpEmail.ADDRESS, // blank: @NotBlank says it
                    message = "is not an email address; write it as name@example.com") String email) {
    }

    record FollowUpAccepted(@Schema(description = "The address as stored", example = "maria@example.com") String email) {
    }

    @PostMapping("/conversations/{id}/follow-up")
    @Operation(summary = "The customer leaves an email address to be answered by email (offered outside business hours)",
            description = "Offered by a message of kind FOLLOW_UP_OFFER. 200 with the address as stored; sending the "
                    + "same address again changes nothing (one note for the agents). A malformed address is a 400 "
                    + "problem whose detail names the field, and nothing is stored. Counts against the conversation's "
                    + "message rate limit (429 with Retry-After). GET .../{id} then returns followUpEmail.")
    FollowUpAccepted followUp(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @Valid @RequestBody FollowUp request, HttpServletRequest servletRequest) {
        limits.request(servletRequest.getRemoteAddr());
        tokens.check(id, token);
        limits.message(id);
        return new FollowUpAccepted(followUps.leave(id, request.email()));
    }

    @GetMapping(path = "/conversations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live stream (server-sent events 'message', 'status', 'conversation' and, in LLM mode, "
            + "'reply': the assistant's reply as far as it is written and checked, not stored); token as query "
            + "parameter because browsers' EventSource cannot send headers")
    SseEmitter events(@PathVariable UUID id, @RequestParam(required = false) String token, HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        tokens.check(id, token);
        var conversation = queries.summary(id).orElseThrow(ConversationTokens::unknown);
        return streams.open(id, conversation.status().name());
    }
}
