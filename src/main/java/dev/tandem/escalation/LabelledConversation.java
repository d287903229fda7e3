package dev.tandem.escalation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A conversation with the decision a careful person took on it: hand over or not, and why. */
record LabelledConversation(List<Turn> turns, boolean escalate, String reason, String language) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    LabelledConversation {
        turns = List.copyOf(turns);
    }

    /** The lines of an {@code eval escalation} file; the bundled examples are written that way. */
    static List<LabelledConversation> read(Resource resource) {
        List<LabelledConversation> conversations = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                List<Turn> turns = new ArrayList<>();
                for (JsonNode message : node.get("messages")) {
                    String text = message.get("text").asString();
                    turns.add("ai".equals(message.get("author").asString()) ? Turn.ai(text, Turn.AiOutcome.UNKNOWN)
                            : Turn.customer(text));
                }
                JsonNode reason = node.get("reason");
                JsonNode language = node.get("language");
                conversations.add(new LabelledConversation(turns, node.get("escalate").asBoolean(),
                        reason == null || reason.isNull() ? null : reason.asString(),
                        language == null || language.isNull() ? null : language.asString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the escalation examples " + resource.getDescription(), e);
        }
        return conversations;
    }
}
