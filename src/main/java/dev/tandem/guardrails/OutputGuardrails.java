package dev.tandem.guardrails;

import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.ai.Embeddings;

/**
 * Checks every AI reply against the output constitution before the customer sees it ({@code
 * guardrails/constitution.yml}, or the newest version an admin saved): the first rule the reply breaks
 * decides what happens to it ({@link OutputAction}). A broken rule is published as {@link OutputChecked}
 * (rule id, constitution version, action) for the audit log; the reply's text never is. Costs some
 * patterns per reply, and one embedding when the constitution has a semantic rule. Thread-safe.
 */
public class OutputGuardrails {

    private static final Logger log = LoggerFactory.getLogger(OutputGuardrails.class);

    private final boolean enabled;
    private final ConstitutionVersions versions;
    private final Embeddings embeddings;
    private final OutputClassifiers classifiers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutputGuardrails(OutputGuardrailsProperties properties, ConstitutionVersions versions, Embeddings embeddings,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.enabled = properties.enabled();
        this.versions = versions;
        this.embeddings = embeddings;
        this.classifiers = new OutputClassifiers(embeddings);
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The verdict on a whole reply about to be posted in {@code conversationId}, written in {@code language}. */
    public OutputVerdict check(UUID conversationId, String text, String language) {
        return check(conversationId, text, language, false);
    }

    /**
     * The verdict on one sentence of a reply being streamed: a sentence that breaks a rule must not be shown,
     * so the caller stops the stream on anything but {@link OutputAction#ALLOW}.
     */
    public OutputVerdict checkSentence(UUID conversationId, String sentence, String language) {
        return check(conversationId, sentence, language, true);
    }

    /**
     * The active constitution's verdict on a text written earlier (the quality review reads past messages of agents
     * and the AI): nothing is published or logged, since nothing is about to be sent.
     */
    public OutputVerdict judgeWritten(String text, String language) {
        return verdict(versions.active(), text, language, embeddings, classifiers);
    }

    private OutputVerdict check(UUID conversationId, String text, String language, boolean streamed) {
        Constitution constitution = versions.active();
        if (!enabled) {
            return OutputVerdict.allowed(constitution.version());
        }
        OutputVerdict verdict = verdict(constitution, text, language, embeddings, classifiers);
        if (!verdict.allowed()) {
            log.info("Output constitution: rule {} (version {}) broken in conversation {}: {}", verdict.ruleId(),
                    verdict.constitutionVersion(), conversationId, verdict.action());
            var event = new OutputChecked(clock.instant(), conversationId, verdict.ruleId(), verdict.constitutionVersion(),
                    verdict.action(), streamed);
            transactions.executeWithoutResult(tx -> events.publishEvent(event));
        }
        return verdict;
    }

    /** The verdict of {@code constitution} on {@code text}, with nothing recorded (the benchmark and the evaluation use it). */
    static OutputVerdict verdict(Constitution constitution, String text, String language, Embeddings embeddings,
            OutputClassifiers classifiers) {
        return constitution.firstBroken(text, embeddings::embed, classifiers::judge)
            .map(rule -> new OutputVerdict(rule.action(), rule.id(), constitution.version(),
                    rule.action() == OutputAction.BLOCK ? blockedReply(language) : null))
            .orElseGet(() -> OutputVerdict.allowed(constitution.version()));
    }

    /** The version in force now. */
    public int activeVersion() {
        return versions.active().version();
    }

    /**
     * What the assistant says instead of a blocked reply, in the customer's language ({@code
     * guardrails/messages*.properties}), English when there is none in theirs.
     */
    public static String blockedReply(String language) {
        Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language);
        return ResourceBundle.getBundle("guardrails.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
            .getString("blocked-reply");
    }
}
