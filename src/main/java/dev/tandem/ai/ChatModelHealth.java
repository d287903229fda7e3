package dev.tandem.ai;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Says whether LLM mode is configured, without calling the model: a health probe must not spend
 * tokens or wait on a remote server, and the embedded mode answers whenever the model cannot.
 */
class ChatModelHealth implements HealthIndicator {

    private final ChatModels chatModels;

    ChatModelHealth(ChatModels chatModels) {
        this.chatModels = chatModels;
    }

    @Override
    public Health health() {
        if (!chatModels.enabled()) {
            return Health.up().withDetail("mode", "embedded").withDetail("configured", false).build();
        }
        return Health.up()
            .withDetail("mode", "llm")
            .withDetail("configured", true)
            .withDetail("model", chatModels.modelName())
            .withDetail("timeout", chatModels.timeout().toString())
            .build();
    }
}
