package dev.tandem.assist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;
import dev.tandem.answering.SuggestedReplies;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.Message;
import dev.tandem.knowledge.Passage;
import dev.tandem.procedures.ProcedureOffer;
import dev.tandem.procedures.RunProcedures;
import dev.tandem.understanding.ClassifyIntent;
import dev.tandem.understanding.Entity;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.EntityType;
import dev.tandem.understanding.Intent;

/**
 * Computes the assist panel for a conversation's latest customer message: passages ({@link KnowledgeHelp}),
 * up to three suggested replies (assembled from passages, the team's macros and past replies to similar
 * messages, ranked by relevance times the usage prior of their source), the procedure the message asks
 * for and the policy reminders that apply. Computed once per message (the suggestions are stored, so that
 * their feedback can be recorded) and kept in memory per conversation; any node computes it again on
 * demand. Embedded mode only: the message is embedded once (remembered by {@link Embeddings}) and every
 * other vector is remembered too.
 */
@Service
class AssistPanels {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    /** Macros whose text is at least this close (bge-small cosine) to the message are suggested. */
    static final double MACRO_SIMILARITY = 0.60;
    /** A passage makes a suggestion only when this close to the message: further, it would be noise. */
    static final double PASSAGE_SIMILARITY = 0.55;

    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private final AssistProperties properties;
    private final ConversationQueries conversations;
    private final KnowledgeHelp knowledge;
    private final Macros macros;
    private final PastReplies pastReplies;
    private final SuggestionRecords records;
    private final PolicyReminders policies;
    private final RunProcedures procedures;
    private final ClassifyIntent intents;
    private final EntityExtraction entities;
    private final LanguageDetection languages;
    private final Embeddings embeddings;
    private final ApplicationEventPublisher events;
    private final SuggestedReplies replies;
    private final Cache<UUID, AssistPanel> panels = Caffeine.newBuilder().maximumSize(10_000)
        .expireAfterAccess(Duration.ofHours(2)).build();

    AssistPanels(AssistProperties properties, ConversationQueries conversations, KnowledgeHelp knowledge, Macros macros,
            PastReplies pastReplies, SuggestionRecords records, PolicyReminders policies, RunProcedures procedures,
            ClassifyIntent intents, EntityExtraction entities, LanguageDetection languages, Embeddings embeddings,
            ApplicationEventPublisher events, SuggestedReplies replies) {
        this.replies = replies;
        this.properties = properties;
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.macros = macros;
        this.pastReplies = pastReplies;
        this.records = records;
        this.policies = policies;
        this.procedures = procedures;
        this.intents = intents;
        this.entities = entities;
        this.languages = languages;
        this.embeddings = embeddings;
        this.events = events;
    }

    /** The panel for the conversation's latest customer message, computed now if not yet. */
    AssistPanel current(ConversationDetails details) {
        Optional<Message> latest = latestCustomerMessage(details);
        UUID conversationId = details.conversation().id();
        if (latest.isEmpty()) {
            return AssistPanel.empty(conversationId);
        }
        AssistPanel kept = panels.getIfPresent(conversationId);
        if (kept != null && latest.get().id().equals(kept.messageId())) {
            return kept;
        }
        // one computation per conversation at a time (the stream's push and the page's read may race);
        // other conversations go on in parallel
        synchronized (LOCKS[Math.floorMod(conversationId.hashCode(), LOCKS.length)]) {
            kept = panels.getIfPresent(conversationId);
            if (kept != null && latest.get().id().equals(kept.messageId())) {
                return kept;
            }
            AssistPanel panel = compute(details, latest.get());
            panels.put(conversationId, panel);
            return panel;
        }
    }

    /** Computes the panel for the latest customer message and tells the agents viewing it. */
    void refresh(ConversationDetails details) {
        AssistPanel panel = current(details);
        if (panel.messageId() != null) {
            events.publishEvent(new AssistUpdated(details.conversation().id(), details.conversation().teamId(),
                    panel.messageId()));
        }
    }

    List<Entity> entities(String text) {
        return entities.extract(text);
    }

    Optional<AssistPanel> kept(UUID conversationId) {
        return Optional.ofNullable(panels.getIfPresent(conversationId));
    }

    static Optional<Message> latestCustomerMessage(ConversationDetails details) {
        List<Message> messages = details.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.author() == AuthorType.CUSTOMER && !message.internal() && !message.text().isBlank()) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private AssistPanel compute(ConversationDetails details, Message message) {
        UUID conversationId = details.conversation().id();
        String text = message.text();
        String language = languages.detectIfLoaded(text).orElse("en");
        List<Passage> passages = knowledge.passages(text, language, properties.passages());
        List<Entity> found = entities.extract(text);
        List<SuggestionRecords.Shown> stored = records.forMessage(conversationId, message.id());
        List<Suggestion> suggestions;
        if (!stored.isEmpty()) {
            // another node (or an earlier start) showed this message's suggestions already: the same ones
            suggestions = stored.stream()
                .map(s -> new Suggestion(s.id(), s.kind(), s.source(), label(s.kind(), s.source(), passages), s.text(),
                        s.score()))
                .toList();
        } else {
            suggestions = suggest(details, text, language, passages, found);
            records.save(conversationId, message.id(), suggestions);
        }
        ProcedureOffer procedure = procedures.offerFor(text).orElse(null);
        String intent = intents.classify(text).filter(i -> !i.outOfScope()).map(Intent::label).orElse(null);
        List<String> reminders = policies.matching(text, intent, found);
        return new AssistPanel(conversationId, message.id(), text, language, passages, suggestions, procedure,
                reminders);
    }

    private List<Suggestion> suggest(ConversationDetails details, String text, String language, List<Passage> passages,
            List<Entity> found) {
        Map<String, Double> priors = records.priors();
        List<Suggestion> candidates = new ArrayList<>();
        for (int i = 0; i < passages.size() && i < 2; i++) {
            Passage passage = passages.get(i);
            double similarity = Double.isNaN(passage.similarity()) ? 0 : passage.similarity();
            if (similarity >= PASSAGE_SIMILARITY || i == 0) {
                candidates.add(new Suggestion(IDS.generate(), Suggestion.Kind.KNOWLEDGE, passage.articleId(),
                        "From “" + passage.title() + "”", ReplyText.fromPassage(passage),
                        ranked(similarity * (1 - 0.1 * i), priors, Suggestion.Kind.KNOWLEDGE, passage.articleId())));
            }
        }
        float[] message = embeddings.embed(text);
        Map<String, String> values = variables(details, found);
        for (Macro macro : macros.all()) {
            if (macro.teamId() != null && !macro.teamId().equals(details.conversation().teamId())) {
                continue;
            }
            double similarity = dot(message, embeddings.embed(macro.title() + "\n" + macro.body()));
            if (similarity >= MACRO_SIMILARITY) {
                candidates.add(new Suggestion(IDS.generate(), Suggestion.Kind.MACRO, macro.id().toString(),
                        "Macro “" + macro.title() + "”", MacroVariables.fill(macro.body(), values),
                        ranked(similarity, priors, Suggestion.Kind.MACRO, macro.id().toString())));
            }
        }
        for (PastReplies.Match match : pastReplies.closestTo(text, properties.pastReplySimilarity(), 2)) {
            candidates.add(new Suggestion(IDS.generate(), Suggestion.Kind.PAST_REPLY, match.example().replyMessageId(),
                    "An agent's reply to a similar message", match.example().replyText(),
                    ranked(match.similarity(), priors, Suggestion.Kind.PAST_REPLY, match.example().replyMessageId())));
        }
        candidates.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        List<Suggestion> chosen = new ArrayList<>(
                candidates.subList(0, Math.min(properties.suggestions(), candidates.size())));
        // LLM mode: the model's grounded reply comes first, in place of the last embedded one
        generated(details.conversation().id(), text, language, priors).ifPresent(suggestion -> {
            if (chosen.size() == properties.suggestions()) {
                chosen.remove(chosen.size() - 1);
            }
            chosen.add(0, suggestion);
        });
        return List.copyOf(chosen);
    }

    private Optional<Suggestion> generated(UUID conversationId, String text, String language,
            Map<String, Double> priors) {
        if (!properties.generate()) {
            return Optional.empty();
        }
        return replies.write(conversationId, text, language)
            .map(written -> new Suggestion(IDS.generate(), Suggestion.Kind.GENERATED,
                    written.articleIds().isEmpty() ? "model" : written.articleIds().get(0), "Generated", written.text(),
                    ranked(1, priors, Suggestion.Kind.GENERATED, "model")));
    }

    /** Relevance times the source's usage prior (0.5 with no feedback, so a neutral factor of 1). */
    private static double ranked(double relevance, Map<String, Double> priors, Suggestion.Kind kind, String source) {
        double prior = priors.getOrDefault(kind + ":" + source, priors.getOrDefault(kind.name(), 0.5));
        return relevance * (0.5 + prior);
    }

    private static String label(Suggestion.Kind kind, String source, List<Passage> passages) {
        return switch (kind) {
            case KNOWLEDGE -> passages.stream().filter(p -> p.articleId().equals(source)).findFirst()
                .map(p -> "From “" + p.title() + "”").orElse("From the knowledge base");
            case MACRO -> "Macro";
            case PAST_REPLY -> "An agent's reply to a similar message";
            case GENERATED -> "Generated";
        };
    }

    /** Values of macro variables known for a conversation (the agent's name is filled when inserted). */
    static Map<String, String> variables(ConversationDetails details, List<Entity> latestEntities) {
        Map<String, String> values = new HashMap<>();
        var customer = details.conversation().customer();
        if (customer != null) {
            values.put("customer.name", customer.name());
            values.put("customer.first_name", customer.name() == null ? null : customer.name().strip().split("\\s+")[0]);
            values.put("customer.email", customer.email());
        }
        latestEntities.stream().filter(e -> e.type() == EntityType.ORDER_NUMBER).reduce((a, b) -> b)
            .ifPresent(order -> values.put("order.number", order.value()));
        return values;
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
