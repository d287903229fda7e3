package dev.tandem.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Scenario files in YAML and JSONL, and every mistake named with its scenario and field. */
class ScenarioFileTest {

    @Test
    void readsYamlWithDefaults() {
        List<Scenario> scenarios = ScenarioFile.parse("s.yml", """
                scenarios:
                  - id: canada
                    kind: answer
                    opening: how much to ship to canada
                    goal: {articles: [shipping-costs], facts: ["9.95"]}
                  - id: status
                    kind: procedure
                    persona: {name: Ada, email: ada@example.com, language: ES, patience: 3, mood: angry, vulnerable: true}
                    opening: donde esta mi pedido
                    follow_ups: [mi pedido NW-1004]
                    facts: {order_number: NW-1004, email: ada@example.com}
                    goal: {facts: [1Z999AA10123456785]}
                    agent_reply: Hola Ada
                  - {id: human, kind: person, opening: a person please}
                  - {id: weather, kind: out-of-scope, opening: "weather?"}
                """);
        assertThat(scenarios).extracting(Scenario::id).containsExactly("canada", "status", "human", "weather");
        Scenario canada = scenarios.get(0);
        assertThat(canada.persona()).isEqualTo(new Scenario.Persona("Customer", null, "en", 2, Scenario.Mood.CALM, false));
        assertThat(canada.expect()).isEqualTo(Scenario.Expect.RESOLVED);
        Scenario status = scenarios.get(1);
        assertThat(status.persona()).isEqualTo(new Scenario.Persona("Ada", "ada@example.com", "es", 3, Scenario.Mood.ANGRY, true));
        assertThat(status.facts()).containsEntry("order_number", "NW-1004");
        assertThat(status.followUps()).containsExactly("mi pedido NW-1004");
        assertThat(scenarios.get(2).expect()).isEqualTo(Scenario.Expect.ESCALATED);
        assertThat(scenarios.get(3).kind()).isEqualTo(Scenario.Kind.OUT_OF_SCOPE);
        assertThat(scenarios.get(3).expect()).isEqualTo(Scenario.Expect.DECLINED);
    }

    @Test
    void readsJsonLines() {
        List<Scenario> scenarios = ScenarioFile.parse("s.jsonl", """
                {"id": "a", "kind": "answer", "opening": "do gift cards expire", "goal": {"articles": ["gift-card-expiry"]}}

                {"id": "b", "kind": "out_of_scope", "opening": "tell me a joke", "expect": "escalated"}
                """);
        assertThat(scenarios).extracting(Scenario::id).containsExactly("a", "b");
        assertThat(scenarios.get(1).expect()).isEqualTo(Scenario.Expect.ESCALATED);
    }

    @Test
    void everyMistakeIsNamedWithItsScenarioAndField() {
        assertThatThrownBy(() -> ScenarioFile.parse("bad.yml", """
                - {id: one, opening: hi}
                - {id: two, kind: answr, opening: hi}
                - {id: three, kind: answer, opening: hi}
                - {id: four, kind: procedure, opening: hi, goal: {facts: [x]}, facts: {pin: 1234}}
                - {id: five, kind: person, opening: hi, persona: {language: klingon, patience: many, mood: grumpy}}
                - {id: five, kind: person, opening: hi, followups: [x]}
                - {kind: person}
                """))
            .isInstanceOf(ScenarioFile.Invalid.class)
            .hasMessageContaining("bad.yml: scenario 1 ('one'): 'kind' is missing")
            .hasMessageContaining("scenario 2 ('two'): 'kind' is 'answr'; use one of answer, procedure, person, out_of_scope")
            .hasMessageContaining("scenario 3 ('three'): an 'answer' goal needs goal.articles or goal.facts")
            .hasMessageContaining("scenario 4 ('four'): facts.pin is not a fact a customer can be asked for")
            .hasMessageContaining("scenario 5 ('five'): persona.language 'klingon' is not one of")
            .hasMessageContaining("persona.patience must be a whole number from 0 to 10")
            .hasMessageContaining("'persona.mood' is 'grumpy'; use one of calm, frustrated, angry")
            .hasMessageContaining("scenario 6 ('five'): unknown field 'followups'")
            .hasMessageContaining("scenario 6 ('five'): the id is used twice")
            .hasMessageContaining("scenario 7: 'id' is missing")
            .hasMessageContaining("scenario 7: 'opening' is missing");
    }

    @Test
    void brokenFilesSayWhereTheyBreak() {
        assertThatThrownBy(() -> ScenarioFile.parse("s.jsonl", "{\"id\": \"a\", \"kind\": \"answer\"\n"))
            .hasMessageStartingWith("s.jsonl, line 1: not valid JSON");
        assertThatThrownBy(() -> ScenarioFile.parse("s.yml", "- id: [unclosed\n")).hasMessageStartingWith("s.yml: not valid YAML");
        assertThatThrownBy(() -> ScenarioFile.parse("s.yml", "id: a\nkind: answer\n"))
            .hasMessage("s.yml: expected a list of scenarios (or 'scenarios:' with a list)");
        assertThatThrownBy(() -> ScenarioFile.parse("s.yml", "[]")).hasMessage("s.yml: no scenarios in the file");
        assertThatThrownBy(() -> ScenarioFile.read(java.nio.file.Path.of("target/no-such-file.yml")))
            .hasMessage("scenario file not found: target/no-such-file.yml");
    }

    /** A correct answer must be possible: every goal article exists and every fact is in one of them. */
    @Test
    void everyGoalOfTheDemoCanBeMetByItsArticles() throws java.io.IOException {
        java.nio.file.Path knowledge = java.nio.file.Path.of("src/main/resources/demo/knowledge");
        for (Scenario scenario : ScenarioFile.demo()) {
            List<String> articles = new java.util.ArrayList<>();
            for (String slug : scenario.goal().articles()) {
                java.nio.file.Path file = knowledge.resolve(slug + ".md");
                assertThat(file).as(scenario.id() + " cites " + slug).exists();
                articles.add(Judge.normalise(java.nio.file.Files.readString(file)));
            }
            if (scenario.kind() != Scenario.Kind.ANSWER) {
                continue;
            }
            for (String fact : scenario.goal().facts()) {
                assertThat(java.util.Arrays.stream(fact.split("\\|"))
                    .anyMatch(alternative -> articles.stream().anyMatch(a -> a.contains(Judge.normalise(alternative)))))
                    .as(scenario.id() + ": '" + fact + "' is in one of " + scenario.goal().articles()).isTrue();
            }
        }
    }

    @Test
    void theDemoShipsAtLeast200ScenariosOfEveryKindInSixLanguages() {
        List<Scenario> demo = ScenarioFile.demo();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(200);
        Map<Scenario.Kind, Long> kinds = demo.stream().collect(Collectors.groupingBy(Scenario::kind, Collectors.counting()));
        assertThat(kinds).containsOnlyKeys(Scenario.Kind.values());
        assertThat(demo.stream().map(Scenario::language).distinct()).contains("en", "es", "fr", "de", "pt", "it");
        assertThat(demo).anyMatch(s -> s.persona().vulnerable()).anyMatch(s -> s.persona().mood() == Scenario.Mood.ANGRY);
    }
}
