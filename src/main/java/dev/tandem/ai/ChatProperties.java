package dev.tandem.ai;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional chat model under {@code tandem.ai.chat}: any server that speaks OpenAI's chat
 * completions API (vLLM, Ollama, LM Studio, a hosted API).
 *
 * @param baseUrl the API's base URL, e.g. {@code http://localhost:11434/v1}; empty (the default)
 *        leaves LLM mode off
 * @param model the model name the server knows
 * @param apiKey sent as a Bearer token; set it through the environment
 *        ({@code TANDEM_AI_CHAT_API_KEY}), never in a file; servers without keys take any value
 * @param timeout the longest a caller waits for one answer, whatever the server does (10 s)
 * @param temperature sampling temperature (0: the most deterministic)
 * @param maxTokens the longest reply, in tokens (400)
 */
@ConfigurationProperties("tandem.ai.chat")
record ChatProperties(String baseUrl, String model, String apiKey, Duration timeout, Double temperature,
        Integer maxTokens) {

    ChatProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(10) : timeout;
        temperature = temperature == null ? 0.0 : temperature;
        maxTokens = maxTokens == null || maxTokens <= 0 ? 400 : maxTokens;
    }

    boolean enabled() {
        return !baseUrl.isEmpty();
    }

    /** Without the key: properties end up in logs and actuator output. */
    @Override
    public String toString() {
        return "ChatProperties[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "" : "***")
                + ", timeout=" + timeout + ", temperature=" + temperature + ", maxTokens=" + maxTokens + "]";
    }
}
