package dev.tandem.insight;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.escalation.HandoffPacket;
import dev.tandem.understanding.Entity;
import dev.tandem.understanding.EntityExtraction;

/**
 * The embedded mode's summary: sentences and facts taken from the conversation as they stand, joined by a
 * few fixed phrases ({@code insight/summaries.properties}, English like the workspace). Dates, products and
 * what agents report done or promise are found in the customer's language ({@link SummaryReading}).
 * It can leave things out but never adds a fact the conversation does not hold; a final check drops any
 * entry with a number the conversation lacks.
 */
@Component
class ExtractiveSummaries {

    private static final Set<String> NOT_PART_OF_A_NAME = Set.of("for", "to", "and", "or", "in", "on", "at", "with",
            "from", "of", "is", "was", "that", "it", "but", "the", "a", "an", "as", "by", "are", "were", "has", "had",
            "have", "will", "be", "which", "who", "so", "if", "because", "since", "when");
    private static final Set<String> NOT_A_PRODUCT = Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "I", "AI");

    /** The states of a procedure run that leave something to do (see the procedures' run states). */
    private static final Pattern UNFINISHED = Pattern.compile("active|waiting|handed off");

    private final EntityExtraction entities;
    private final SummaryPhrases phrases;
    private final InsightProperties.Summaries settings;

    ExtractiveSummaries(EntityExtraction entities, InsightProperties properties) {
        this.entities = entities;
        this.phrases = new SummaryPhrases();
        this.settings = properties.summaries();
    }

    /** The summary's content, checked: entries with a number the conversation does not hold are left out. */
    SummaryContent summarise(SummarySource source) {
        NumberGrounding grounding = new NumberGrounding(source.texts());
        HandoffPacket packet = source.packet();
        List<Message> messages = source.details().messages();
        String reason = grounding.grounded(packet.goal()) ? cut(packet.goal()) : "";
        SummaryReading reading = SummaryReading.of(language(source));
        return new SummaryContent(reason,
                limit(details(messages, reading).stream().filter(d -> grounding.grounded(d.value()))),
                limit(actions(source, reading).stream().map(this::cut).filter(grounding::grounded)),
                outcome(source), limit(followUps(source, reading).stream().map(this::cut).filter(grounding::grounded)));
    }

    /** The customer's language as the handoff packet read it, else as the latest message that says one. */
    private static String language(SummarySource source) {
        if (source.packet().language() != null) {
            return source.packet().language();
        }
        List<Message> messages = source.details().messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author() == AuthorType.CUSTOMER && messages.get(i).language() != null) {
                return messages.get(i).language();
            }
        }
        return null;
    }

    private <T> List<T> limit(java.util.stream.Stream<T> entries) {
        return entries.distinct().limit(settings.maxItems()).toList();
    }

    /**
     * The facts named in the messages, in the order they first appear; dates and products only the customer's,
     * found as {@code reading} (the conversation's language) finds them.
     */
    List<Summary.Detail> details(List<Message> messages, SummaryReading reading) {
        Map<String, Summary.Detail> found = new LinkedHashMap<>();
        for (Message message : messages) {
            if (message.author() == AuthorType.SYSTEM) {
                continue;
            }
            List<Summary.Detail> inMessage = new ArrayList<>();
            for (Entity entity : entities.extract(message.text())) {
                String value = switch (entity.type()) {
                    case ORDER_NUMBER, EMAIL -> entity.value();
                    case AMOUNT, PHONE -> entity.text().strip();
                };
                inMessage.add(new Summary.Detail(entity.type().name(), value));
            }
            if (message.author() == AuthorType.CUSTOMER) {
                reading.dates(message.text()).forEach(date -> inMessage.add(new Summary.Detail("DATE", date)));
                reading.products(message.text()).stream().map(ExtractiveSummaries::productName)
                    .filter(name -> !name.isEmpty())
                    .forEach(product -> inMessage.add(new Summary.Detail("PRODUCT", product)));
            }
            inMessage.forEach(detail -> found.putIfAbsent(detail.type() + ":" + detail.value().toLowerCase(Locale.ROOT),
                    detail));
        }
        return List.copyOf(found.values());
    }

    /** "Ridgeline hiking boots for" → "Ridgeline hiking boots"; a weekday is no product. */
    private static String productName(String candidate) {
        List<String> words = new ArrayList<>(List.of(candidate.split("\\s+")));
        while (!words.isEmpty() && NOT_PART_OF_A_NAME.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        if (words.size() < 2 || NOT_A_PRODUCT.contains(words.get(0))) {
            return "";
        }
        return String.join(" ", words);
    }

    private List<String> actions(SummarySource source, SummaryReading reading) {
        List<String> actions = new ArrayList<>();
        Set<String> citedSoFar = new LinkedHashSet<>();
        HandoffPacket packet = source.packet();
        boolean handedOver = false;
        for (Message message : source.details().messages()) {
            if (!handedOver && packet.escalatedAt() != null && !packet.why().isBlank()
                    && !message.createdAt().isBefore(packet.escalatedAt())) {
                actions.add(phrases.get("action.handoff", packet.why()));
                handedOver = true;
            }
            switch (message.author()) {
                case AI -> {
                    List<String> titles = message.citations().stream().map(c -> "“" + c.title() + "”")
                        .filter(citedSoFar::add).toList();
                    if (!titles.isEmpty() && message.kind() != dev.tandem.conversation.MessageKind.CHOICES) {
                        actions.add(phrases.get("action.answered", String.join(", ", titles)));
                    }
                }
                case AGENT -> {
                    if (message.internal()) {
                        actions.add(phrases.get("action.note", name(message), firstSentences(message.text())));
                    }
                    else {
                        clauses(message.text()).stream().filter(reading::reportsDone)
                            .forEach(clause -> actions.add(phrases.get("action.agent", name(message), clause)));
                    }
                }
                case SYSTEM -> {
                    // "Alice Chen joined the conversation.", "Sam Rivera transferred the conversation to Billing."
                    if (message.authorName() != null && message.text().startsWith(message.authorName())) {
                        actions.add(firstSentences(message.text()));
                    }
                }
                default -> {
                }
            }
        }
        if (!handedOver && packet.escalatedAt() != null && !packet.why().isBlank()) {
            actions.add(phrases.get("action.handoff", packet.why()));
        }
        for (HandoffPacket.Task task : packet.tasks()) {
            actions.add(phrases.get("action.task", task.name(), task.state()));
            task.done().forEach(done -> actions.add(phrases.get("action.task-step", task.name(), done)));
        }
        return actions;
    }

    private Summary.Outcome outcome(SummarySource source) {
        var conversation = source.details().conversation();
        Summary.Status status;
        String note;
        if (source.trigger() == Summary.Trigger.RESOLUTION || conversation.status() == ConversationStatus.RESOLVED) {
            boolean byAgent = source.hasAgentMessages() || conversation.handoffRequestedAt() != null;
            status = byAgent ? Summary.Status.RESOLVED_BY_AGENT : Summary.Status.RESOLVED_BY_AI;
            String resolver = source.resolverName();
            note = byAgent && resolver != null ? phrases.get("outcome.RESOLVED_BY_AGENT", resolver)
                    : byAgent ? phrases.get("outcome.RESOLVED_BY_AGENT", "an agent")
                    : phrases.get("outcome.RESOLVED_BY_AI");
        }
        else if (source.trigger() == Summary.Trigger.HANDOFF || conversation.status() == ConversationStatus.QUEUED) {
            status = Summary.Status.HANDED_OVER;
            note = phrases.get("outcome.HANDED_OVER");
        }
        else {
            status = Summary.Status.PENDING;
            note = phrases.get("outcome.PENDING");
        }
        String feedback = null;
        if (source.feedback().containsValue(Boolean.FALSE)) {
            feedback = phrases.get("feedback.not-helped");
        }
        else if (source.feedback().containsValue(Boolean.TRUE)) {
            feedback = phrases.get("feedback.helped");
        }
        return new Summary.Outcome(status, note, feedback);
    }

    private List<String> followUps(SummarySource source, SummaryReading reading) {
        List<String> followUps = new ArrayList<>();
        List<Message> messages = source.details().messages();
        for (Message message : messages) {
            if ((message.author() == AuthorType.AGENT || message.author() == AuthorType.AI) && !message.internal()) {
                clauses(message.text()).stream().filter(reading::promises)
                    .forEach(clause -> followUps.add(phrases.get("follow-up.promise", name(message), clause)));
            }
        }
        var conversation = source.details().conversation();
        if (conversation.status() != ConversationStatus.RESOLVED && source.trigger() != Summary.Trigger.RESOLUTION) {
            // the customer spoke last and asked something: the next person must answer it
            for (int i = messages.size() - 1; i >= 0; i--) {
                Message message = messages.get(i);
                if (message.author() == AuthorType.CUSTOMER) {
                    clauses(message.text()).stream().filter(clause -> clause.endsWith("?"))
                        .reduce((earlier, later) -> later)
                        .ifPresent(question -> followUps.add(phrases.get("follow-up.open-question", question)));
                    break;
                }
                if (message.author() == AuthorType.AGENT && !message.internal()) {
                    break;
                }
            }
            source.packet().tasks().stream()
                .filter(task -> UNFINISHED.matcher(task.state()).lookingAt())
                .forEach(task -> followUps.add(phrases.get("follow-up.task", task.name(), task.state())));
            if (conversation.followUpEmail() != null) {
                followUps.add(phrases.get("follow-up.email", conversation.followUpEmail()));
            }
        }
        return followUps;
    }

    private static String name(Message message) {
        return switch (message.author()) {
            case AI -> "AI assistant";
            case AGENT -> message.authorName() != null ? message.authorName() : "Agent";
            default -> message.authorName() != null ? message.authorName() : "";
        };
    }

    /** The sentences of a text, and within them the parts a semicolon separates. */
    static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            for (String part : text.substring(start, end).split(";\\s+")) {
                String clause = part.strip();
                if (!clause.isEmpty()) {
                    clauses.add(clause);
                }
            }
        }
        return clauses;
    }

    private String firstSentences(String text) {
        List<String> clauses = clauses(text.strip());
        return clauses.isEmpty() ? "" : cut(clauses.stream().limit(2).collect(Collectors.joining(" ")));
    }

    /** At most {@code maxLength} characters, cut at a word. */
    String cut(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        int max = settings.maxLength();
        if (flat.length() <= max) {
            return flat;
        }
        int space = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, space > max / 2 ? space : max - 1).strip() + "…";
    }
}
