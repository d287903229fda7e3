package dev.tandem.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ChatModelsTest {

    @Test
    void llmModeIsOffWithoutABaseUrlAndCallsFailClearly() {
        ChatModels off = new ChatModels(new ChatProperties(null, null, null, null, null, null));

        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> off.complete("system", "user")).isInstanceOf(ChatModels.ChatUnavailable.class)
            .hasMessageContaining("tandem.ai.chat.base-url");
        try (ChatStream stream = off.stream("system", "user")) {
            assertThatThrownBy(stream::next).isInstanceOf(ChatModels.ChatUnavailable.class)
                .hasMessageContaining("tandem.ai.chat.base-url");
        }
        assertThat(new ChatModelHealth(off).health().getDetails()).containsEntry("configured", false);
    }

    @Test
    void defaultsAndTheKeyStaysOutOfTextOutput() {
        ChatProperties properties = new ChatProperties("http://localhost:11434/v1", "llama3.2", "sk-secret", null, null,
                null);

        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.temperature()).isZero();
        assertThat(properties.toString()).doesNotContain("sk-secret");
        ChatModels on = new ChatModels(properties);
        try {
            assertThat(on.enabled()).isTrue();
            assertThat(new ChatModelHealth(on).health().getDetails()).containsEntry("configured", true)
                .containsEntry("model", "llama3.2")
                .doesNotContainValue("sk-secret");
        } finally {
            on.close();
        }
    }
}
