package dev.tandem.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.Message;

/**
 * Scores one resolved conversation against the active rubric: the embedded judge always (it is the fallback and
 * costs milliseconds), the model judge on top in LLM mode, then one stored score with every verdict. The person
 * judged is the conversation's assignee, else the last agent who wrote; an AI-only conversation is scored on the
 * items that apply to the AI. Each AI reply is also judged on its own for accuracy and policy ({@link AiTurnsJudged},
 * published with the score in one transaction, so its listeners run only once the score is stored).
 */
@Component
class ScoreConversation {

    private static final Logger log = LoggerFactory.getLogger(ScoreConversation.class);

    private final ConversationQueries conversations;
    private final RubricVersions rubrics;
    private final EmbeddedJudge embedded;
    private final LlmJudge llm;
    private final SystemClaimChecks checks;
    private final LanguageDetection languages;
    private final ScoreStore store;
    private final QualityProperties settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScoreConversation(ConversationQueries conversations, RubricVersions rubrics, EmbeddedJudge embedded, LlmJudge llm,
            SystemClaimChecks checks, LanguageDetection languages, ScoreStore store, QualityProperties settings,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.rubrics = rubrics;
        this.embedded = embedded;
        this.llm = llm;
        this.checks = checks;
        this.languages = languages;
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Scores the conversation as it is now; empty when it does not exist or nobody but the customer spoke. */
    Optional<ScoreStore.Score> score(UUID conversationId, Instant resolvedAt) {
        Optional<ConversationDetails> found = conversations.whole(conversationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConversationDetails details = found.get();
        Transcript transcript = Transcript.of(details);
        if (transcript.lines().stream().noneMatch(l -> l.author() != Transcript.Author.CUSTOMER)) {
            return Optional.empty();
        }
        Rubric rubric = rubrics.active();
        String customerText = transcript.by(Transcript.Author.CUSTOMER).stream().map(Transcript.Line::text)
            .collect(Collectors.joining("\n"));
        String language = languages.detectIfLoaded(customerText).orElse("en");
        SystemClaimChecks once = checks.forOneConversation();
        List<Verdict> verdicts = embedded.judge(transcript, rubric, once, language);
        String judge = "embedded";
        if (settings.llmJudge() && llm.available()) {
            List<Verdict> judged = llm.judge(transcript, rubric, verdicts);
            if (judged != null) {
                verdicts = judged;
                judge = "llm";
            }
        }
        UUID agentId = details.conversation().assigneeId() != null ? details.conversation().assigneeId()
                : lastAgent(details.messages());
        List<AiTurnsJudged.Turn> aiTurns = JudgeAiTurns.judge(transcript, rubric, once, language);
        List<Verdict> judged = verdicts;
        String by = judge;
        Instant scoredAt = clock.instant();
        transactions.executeWithoutResult(tx -> {
            store.save(conversationId, agentId, details.conversation().teamId(), rubric.version(), by,
                    overall(rubric, judged), language, resolvedAt, scoredAt, judged);
            if (!aiTurns.isEmpty()) {
                events.publishEvent(new AiTurnsJudged(conversationId, rubric.version(), scoredAt, aiTurns));
            }
        });
        log.debug("Scored conversation {} with rubric version {} ({})", conversationId, rubric.version(), judge);
        return store.find(conversationId);
    }

    /** The weighted share of applicable items that hold; null when none applies. */
    static Double overall(Rubric rubric, List<Verdict> verdicts) {
        double held = 0;
        double applicable = 0;
        for (Verdict verdict : verdicts) {
            if (verdict.value() == null) {
                continue;
            }
            double weight = rubric.item(verdict.item()).map(Rubric.Item::weight).orElse(1.0);
            applicable += weight;
            held += verdict.value() ? weight : 0;
        }
        return applicable == 0 ? null : Math.round(1000 * held / applicable) / 1000.0;
    }

    private static UUID lastAgent(List<Message> messages) {
        UUID agent = null;
        for (Message message : messages) {
            if (message.author() == AuthorType.AGENT && !message.internal() && message.authorId() != null) {
                agent = message.authorId();
            }
        }
        return agent;
    }
}
