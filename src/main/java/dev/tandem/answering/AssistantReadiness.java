package dev.tandem.answering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.tandem.ai.AiProperties;
import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;
import dev.tandem.escalation.EscalationPolicy;
import dev.tandem.knowledge.KnowledgeIndexStatus;

/**
 * Ready means this node can serve the assistant: the knowledge index holds every published article,
 * the escalation policy has its learned opinion, and the embedding and language models are in memory.
 * Until then health (and the readiness group) says OUT_OF_SERVICE, so a load balancer sends customers
 * elsewhere, and a turn that reaches this node anyway waits for it instead of answering "I don't know".
 * A node with the assistant off is ready without any of it. With {@code tandem.ai.warm-up=false} the
 * models load on first use by design, and readiness does not wait for them.
 */
@Component("assistant")
class AssistantReadiness implements HealthIndicator {

    private final AnsweringProperties answering;
    private final AiProperties ai;
    private final Embeddings embeddings;
    private final LanguageDetection languages;
    private final KnowledgeIndexStatus index;
    private final EscalationPolicy escalation;

    AssistantReadiness(AnsweringProperties answering, AiProperties ai, Embeddings embeddings,
            LanguageDetection languages, KnowledgeIndexStatus index, EscalationPolicy escalation) {
        this.answering = answering;
        this.ai = ai;
        this.embeddings = embeddings;
        this.languages = languages;
        this.index = index;
        this.escalation = escalation;
    }

    @Override
    public Health health() {
        List<String> waitingFor = waitingFor();
        return waitingFor.isEmpty() ? Health.up().build() : Health.outOfService().withDetail("waitingFor", waitingFor).build();
    }

    /** What the assistant still waits for on this node; empty when it can serve. */
    List<String> waitingFor() {
        List<String> waiting = new ArrayList<>();
        if (!answering.enabled()) {
            return waiting;
        }
        if (!index.initialIndexBuilt()) {
            waiting.add("knowledge index");
        }
        if (!escalation.learnedOpinionReady()) {
            waiting.add("escalation model");
        }
        if (ai.warmUp() && !embeddings.isReady()) {
            waiting.add("embedding model");
        }
        if (ai.warmUp() && !languages.isLoaded()) {
            waiting.add("language models");
        }
        return waiting;
    }

    /** Waits until the assistant can serve, at most {@code atMost}; whether it can. */
    boolean awaitReady(Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        while (!waitingFor().isEmpty()) {
            if (System.nanoTime() >= until) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
