package dev.tandem.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.tandem.answering.AnswerFeedback;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.escalation.HandoffPackets;
import dev.tandem.identity.CurrentUser;

/**
 * Conversation summaries: made on handoff and on resolution (extractive, or written by the language model and
 * checked), stored as versions, and edited by agents with a version check so that no edit silently overwrites
 * another. Reading and editing are for those who may see the conversation.
 */
@Service
public class Summaries {

    /** An entry's longest text when an agent edits, in characters. */
    static final int MAX_EDIT_LENGTH = 2000;
    /** At most this many entries per list in an edit. */
    static final int MAX_EDIT_ITEMS = 50;
    /** A whole summary's longest text in an edit, so that it fits its column (20,000, with room for the JSON). */
    static final int MAX_EDIT_TOTAL = 12_000;

    private final ConversationQueries conversations;
    private final HandoffPackets packets;
    private final AnswerFeedback feedback;
    private final ExtractiveSummaries extractive;
    private final GeneratedSummaries generated;
    private final SummaryStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Summaries(ConversationQueries conversations, HandoffPackets packets, AnswerFeedback feedback,
            ExtractiveSummaries extractive, GeneratedSummaries generated, SummaryStore store,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.packets = packets;
        this.feedback = feedback;
        this.extractive = extractive;
        this.generated = generated;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** What an agent saves: the summary's texts, and the version they edited (0 when there was none). */
    public record Edit(int version, String reason, List<Summary.Detail> details, List<String> actions,
            Summary.Status outcome, String outcomeNote, List<String> followUps) {
    }

    /** The conversation's current summary, if one was made; empty, too, when the caller may not see it. */
    public Optional<Summary> current(CurrentUser viewer, UUID conversationId) {
        conversations.details(viewer, conversationId);
        return store.latest(conversationId);
    }

    /** Every version, newest first. */
    public List<Summary> versions(CurrentUser viewer, UUID conversationId) {
        conversations.details(viewer, conversationId);
        return store.versions(conversationId);
    }

    /** The current summary, for work that acts for no user (the handoff packet, built for someone who may see it). */
    public Optional<Summary> current(UUID conversationId) {
        return store.latest(conversationId);
    }

    /** The current summaries of these conversations (for the customer's history); the caller checks visibility. */
    public Map<UUID, Summary> current(Collection<UUID> conversationIds) {
        return store.latest(conversationIds);
    }

    /**
     * Summarises the conversation as it is now and stores it as its newest version; nothing when {@code cause}
     * (the event behind it) was summarised already or the conversation is unknown.
     *
     * @param resolvedById who resolved it, for a summary made on resolution
     */
    public Optional<Summary> summarise(UUID conversationId, Summary.Trigger trigger, String cause, UUID resolvedById) {
        if (cause != null && store.summarised(conversationId, cause)) {
            return Optional.empty();
        }
        Optional<ConversationDetails> whole = conversations.whole(conversationId);
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        ConversationDetails details = whole.get();
        var source = new SummarySource(details, packets.inBackground(details), feedback.of(conversationId), trigger,
                resolvedById);
        SummaryContent content = extractive.summarise(source);
        Summary.Source kind = Summary.Source.EXTRACTIVE;
        if (generated.available()) {
            Optional<SummaryContent> written = generated.summarise(source, content);
            if (written.isPresent()) {
                content = written.get();
                kind = Summary.Source.GENERATED;
            }
        }
        // two summaries at once (a handoff and an edit): the later takes the next number
        for (int attempt = 0; attempt < 3; attempt++) {
            int version = store.latest(conversationId).map(Summary::version).orElse(0) + 1;
            var summary = new Summary(conversationId, version, trigger, kind, content.reason(), content.details(),
                    content.actions(), content.outcome(), content.followUps(), null, null, now());
            if (store.insert(summary, cause)) {
                events.publishEvent(new ConversationSummarised(conversationId, details.conversation().teamId(), version,
                        trigger));
                return Optional.of(summary);
            }
            if (cause != null && store.summarised(conversationId, cause)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Stores an agent's edit as the next version.
     *
     * @throws ErrorResponseException 404 when the conversation is not visible to them, 409 when the summary
     *     changed since the version they edited, 400 when the edit is not valid
     */
    @Transactional
    public Summary edit(CurrentUser editor, UUID conversationId, Edit edit) {
        var details = conversations.details(editor, conversationId);
        if (edit == null) {
            throw problem(HttpStatus.BAD_REQUEST, "Send the summary as JSON: version, reason, details, actions, "
                    + "outcome, outcomeNote, followUps.");
        }
        Optional<Summary> latest = store.latest(conversationId);
        int current = latest.map(Summary::version).orElse(0);
        if (edit.version() != current) {
            throw problem(HttpStatus.CONFLICT, "The summary changed since version " + edit.version()
                    + ": it is at version " + current + " now. Reload it and make your edit again.");
        }
        String reason = checked(edit.reason(), "reason");
        List<Summary.Detail> detailList = edit.details() == null ? latest.map(Summary::details).orElse(List.of())
                : edit.details();
        if (detailList.size() > MAX_EDIT_ITEMS) {
            throw problem(HttpStatus.BAD_REQUEST, "At most " + MAX_EDIT_ITEMS + " details.");
        }
        detailList = detailList.stream().map(detail -> {
            if (detail == null || detail.type() == null || detail.type().isBlank()) {
                throw problem(HttpStatus.BAD_REQUEST, "Every detail needs a type (ORDER_NUMBER, AMOUNT, …) and a value.");
            }
            return new Summary.Detail(checked(detail.type(), "detail type"), checked(detail.value(), "detail value"));
        }).filter(detail -> !detail.value().isEmpty()).toList();
        Summary.Status status = edit.outcome() != null ? edit.outcome()
                : latest.map(s -> s.outcome().status()).orElse(Summary.Status.PENDING);
        String feedbackNote = latest.map(s -> s.outcome().customerFeedback()).orElse(null);
        var summary = new Summary(conversationId, current + 1, Summary.Trigger.EDIT, Summary.Source.EDITED, reason,
                detailList, entries(edit.actions(), "actions"), new Summary.Outcome(status,
                        checked(edit.outcomeNote(), "outcome note"), feedbackNote),
                entries(edit.followUps(), "follow-ups"), editor.id(), editor.displayName(), now());
        if (summary.texts().stream().mapToInt(String::length).sum() > MAX_EDIT_TOTAL) {
            throw problem(HttpStatus.BAD_REQUEST, "The summary is longer than " + MAX_EDIT_TOTAL + " characters in all.");
        }
        if (!store.insert(summary, null)) {
            throw problem(HttpStatus.CONFLICT, "Someone saved the summary at the same moment; reload it and make "
                    + "your edit again.");
        }
        events.publishEvent(new ConversationSummarised(conversationId, details.conversation().teamId(),
                summary.version(), Summary.Trigger.EDIT));
        return summary;
    }

    private static List<String> entries(List<String> entries, String name) {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > MAX_EDIT_ITEMS) {
            throw problem(HttpStatus.BAD_REQUEST, "At most " + MAX_EDIT_ITEMS + " " + name + ".");
        }
        return entries.stream().map(entry -> checked(entry, name)).filter(entry -> !entry.isEmpty()).toList();
    }

    private static String checked(String text, String name) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_EDIT_LENGTH) {
            throw problem(HttpStatus.BAD_REQUEST, "The " + name + " is longer than " + MAX_EDIT_LENGTH + " characters.");
        }
        if (stripped.chars().anyMatch(c -> c == 0)) {
            throw problem(HttpStatus.BAD_REQUEST, "The " + name + " holds a NUL character.");
        }
        return stripped;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
