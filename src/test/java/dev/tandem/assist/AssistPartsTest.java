package dev.tandem.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.understanding.Entity;
import dev.tandem.understanding.EntityType;

/** The small parts of the panel: policy rules, macro variables, edit distance, stored vectors. */
class AssistPartsTest {

    @Test
    void policyRulesMatchByKeywordIntentAndEntityAboveAnAmount() throws IOException {
        PolicyReminders shipped = PolicyReminders.read(getClass().getResourceAsStream("/assist/policies.yml"));
        var amount = new Entity(EntityType.AMOUNT, "$120", "120 USD", 0, 4);
        assertThat(shipped.matching("I want a REFUND! It cost $120", null, List.of(amount)))
            .anyMatch(text -> text.contains("over $50 need a supervisor"));
        var small = new Entity(EntityType.AMOUNT, "$20", "20 USD", 0, 3);
        assertThat(shipped.matching("Refund please, it was $20", null, List.of(small)))
            .noneMatch(text -> text.contains("over $50"))
            .anyMatch(text -> text.contains("within 30 days"));
        assertThat(shipped.matching("Where is the nearest store?", null, List.of())).isEmpty();

        PolicyReminders own = PolicyReminders.read(new ByteArrayInputStream("""
                rules:
                  - id: vip
                    text: VIP customers get a call back.
                    intents: [complaint]
                    entities: [PHONE]
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(own.matching("anything", "complaint", List.of())).containsExactly("VIP customers get a call back.");
        assertThat(own.matching("call me", null, List.of(new Entity(EntityType.PHONE, "555", "555", 0, 3)))).hasSize(1);
        assertThat(own.matching("call me", "other", List.of())).isEmpty();
    }

    @Test
    void macroVariablesAreFilledAndUnknownOnesStayVisible() {
        assertThat(MacroVariables.fill("Hi {{customer.first_name}}, order {{ order.number }} by {{agent.name}} {{x.y}}",
                Map.of("customer.first_name", "Ada", "order.number", "NW-1", "agent.name", "Sam")))
            .isEqualTo("Hi Ada, order NW-1 by Sam {{x.y}}");
    }

    @Test
    void editDistanceCountsCharacters() {
        assertThat(SuggestionFeedback.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(SuggestionFeedback.levenshtein("same", "same")).isZero();
        assertThat(SuggestionFeedback.levenshtein("", "abc")).isEqualTo(3);
    }

    @Test
    void vectorsSurviveTheirTextForm() {
        float[] vector = { 0.25f, -1.5f, 3.0e-5f };
        assertThat(PastReplies.vector(PastReplies.text(vector))).containsExactly(vector);
    }
}
