package dev.tandem.escalation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.Message;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.Intent;
import dev.tandem.understanding.MatchableText;
import dev.tandem.understanding.MessageUnderstanding;
import dev.tandem.understanding.MessageUnderstandings;
import dev.tandem.understanding.Sentiment;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Builds a conversation's handoff packet from what is stored: the escalation's findings, the
 * messages, and what understanding reads in them. Built when asked rather than stored, so it always
 * shows the conversation as it is now.
 */
@Service
public class HandoffPackets {

    private static final int GOAL_LENGTH = 200;
    private static final int REPLY_LENGTH = 300;
    /** "hi", "hello there", "a person please": not a goal. */
    private static final Pattern NOT_A_GOAL = Pattern.compile(
            "^\\W*(hi|hello|hey|hola|bonjour|salut|hallo|guten tag|ola|oi|ciao|buongiorno|goedendag|dag)?\\W*(there|team)?\\W*$");
    private static final double CHANGE = 0.15;

    private final EscalationRecords records;
    private final SentimentAnalysis sentiment;
    private final EntityExtraction entities;
    private final LanguageDetection languages;
    private final MessageUnderstandings understood;
    private final List<HandoffTasks> tasks;
    private final List<HandoffSummaries> summaries;

    HandoffPackets(EscalationRecords records, SentimentAnalysis sentiment, EntityExtraction entities,
            LanguageDetection languages, MessageUnderstandings understood, List<HandoffTasks> tasks,
            List<HandoffSummaries> summaries) {
        this.tasks = List.copyOf(tasks);
        this.summaries = List.copyOf(summaries);
        this.understood = understood;
        this.records = records;
        this.sentiment = sentiment;
        this.entities = entities;
        this.languages = languages;
    }

    public HandoffPacket of(ConversationDetails details) {
        return of(details, languages::detect);
    }

    /**
     * As {@link #of}, for background work (summaries): never the one to load the language models, which would
     * take seconds of CPU from the customers' messages; the language is then null unless they are loaded.
     */
    public HandoffPacket inBackground(ConversationDetails details) {
        return of(details, languages::detectIfLoaded);
    }

    private HandoffPacket of(ConversationDetails details,
            java.util.function.Function<String, Optional<String>> detectLanguage) {
        var conversation = details.conversation();
        Optional<EscalationRecord> escalation = records.latest(conversation.id());
        List<Message> fromCustomer = details.messages().stream().filter(m -> m.author() == AuthorType.CUSTOMER).toList();
        String language = escalation.map(EscalationRecord::language)
            .or(() -> detectLanguage.apply(String.join("\n", fromCustomer.stream().map(Message::text).toList())))
            .orElse(null);
        List<Finding> reasons = escalation.map(EscalationRecord::findings).orElse(List.of());
        String why = escalation.map(EscalationRecord::summary)
            .orElse(conversation.handoffRequestedAt() != null ? "The customer asked to talk to a person." : "");
        return new HandoffPacket(conversation.id(), conversation.status(),
                escalation.map(EscalationRecord::createdAt).orElse(conversation.handoffRequestedAt()),
                escalation.map(EscalationRecord::priority).orElse(Priority.NORMAL), why, reasons,
                new HandoffPacket.Customer(conversation.customer().name(), conversation.customer().email()),
                fromCustomer.size(), goal(fromCustomer),
                facts(fromCustomer), answered(details.messages()), trajectory(fromCustomer), language,
                intent(understood.of(conversation.id())),
                tasks.stream().flatMap(source -> source.of(conversation.id()).stream()).toList(),
                summaries.stream().flatMap(source -> source.of(conversation.id()).stream()).findFirst().orElse(null));
    }

    /** The customer's latest message with a clear intent says best what the conversation is about now. */
    private static String intent(List<MessageUnderstanding> messages) {
        String fallback = null;
        for (int i = messages.size() - 1; i >= 0; i--) {
            Intent intent = messages.get(i).intent();
            if (intent != null && !intent.outOfScope()) {
                return intent.label();
            }
            if (intent != null && fallback == null) {
                fallback = "outside the known intents";
            }
        }
        return fallback;
    }

    /**
     * The customer's first message that says what they want, cut to its first sentence or two: in
     * support, the opening message states the goal far more often than any later one.
     */
    private static String goal(List<Message> fromCustomer) {
        for (Message message : fromCustomer) {
            String text = message.text().strip();
            if (NOT_A_GOAL.matcher(MatchableText.of(text)).matches() || text.split("\\s+").length < 3) {
                continue;
            }
            return firstSentences(text);
        }
        return fromCustomer.isEmpty() ? "" : firstSentences(fromCustomer.get(0).text().strip());
    }

    private static String firstSentences(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int end = sentences.next();
        while (end != BreakIterator.DONE && end < 40) {
            end = sentences.next();
        }
        String goal = end == BreakIterator.DONE ? text : text.substring(0, end).strip();
        return goal.length() <= GOAL_LENGTH ? goal : goal.substring(0, GOAL_LENGTH - 1).strip() + "…";
    }

    private List<HandoffPacket.Fact> facts(List<Message> fromCustomer) {
        Map<String, HandoffPacket.Fact> facts = new LinkedHashMap<>();
        for (Message message : fromCustomer) {
            entities.extract(message.text()).forEach(entity -> facts.putIfAbsent(entity.type() + entity.value(),
                    new HandoffPacket.Fact(entity.type().name(), entity.value())));
        }
        return List.copyOf(facts.values());
    }

    private static List<HandoffPacket.AiReply> answered(List<Message> messages) {
        List<HandoffPacket.AiReply> replies = new ArrayList<>();
        for (Message message : messages) {
            if (message.author() == AuthorType.AI) {
                String text = message.text().length() <= REPLY_LENGTH ? message.text()
                        : message.text().substring(0, REPLY_LENGTH - 1).strip() + "…";
                replies.add(new HandoffPacket.AiReply(message.createdAt(), text, !message.citations().isEmpty(),
                        message.citations()));
            }
        }
        return replies;
    }

    private HandoffPacket.SentimentTrajectory trajectory(List<Message> fromCustomer) {
        List<Sentiment> read = fromCustomer.stream().map(message -> sentiment.analyse(message.text())).toList();
        List<Double> frustration = read.stream().map(Sentiment::frustration).toList();
        if (frustration.isEmpty()) {
            return new HandoffPacket.SentimentTrajectory(List.of(), "calm", List.of());
        }
        double first = frustration.get(0);
        double last = frustration.get(frustration.size() - 1);
        String trend = last - first >= CHANGE ? "rising"
                : first - last >= CHANGE ? "falling"
                : frustration.stream().allMatch(f -> f < CHANGE) ? "calm" : "steady";
        return new HandoffPacket.SentimentTrajectory(frustration, trend, read.get(read.size() - 1).cues());
    }
}
