package dev.tandem.escalation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A conversation with the decision a careful person took on it: hand over or not, and why.
 *
 * @param business the kind of business it comes from ("telecom", "banking"), null when not given: the
 *     learned opinion weighs the businesses alike, so that it learns what needs a person rather than what
 *     one business's customers ask about
 */
record LabelledConversation(List<Turn> turns, boolean escalate, String reason, String language, String business) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    LabelledConversation {
        turns = List.copyOf(turns);
    }

    LabelledConversation(List<Turn> turns, boolean escalate, String reason, String language) {
        this(turns, escalate, reason, language, null);
    }

    /**
     * The lines of an {@code eval escalation} file (the bundled examples are written that way): one
     * {@code {"messages": [{"author": "customer"|"ai", "text"}], "escalate": bool, "reason"?, "language"?, "business"?}}
     * a line. Bad input is an {@link IllegalArgumentException} naming the file and line.
     */
    static List<LabelledConversation> read(Resource resource) {
        String name = resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
        if (!resource.exists()) {
            throw new IllegalArgumentException("file not found: " + resource.getDescription());
        }
        List<LabelledConversation> conversations = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    conversations.add(parse(line, name + " line " + number + ": "));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + resource.getDescription() + ": " + e.getMessage());
        }
        if (conversations.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no conversations");
        }
        return conversations;
    }

    private static LabelledConversation parse(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode messages = node == null ? null : node.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException(where + "\"messages\" must be a non-empty array");
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            String author = message.get("author") == null ? "" : message.get("author").asString("");
            JsonNode text = message.get("text");
            if (!author.equals("customer") && !author.equals("ai")) {
                throw new IllegalArgumentException(where + "every message needs \"author\": \"customer\" or \"ai\"");
            }
            if (text == null || !text.isString()) {
                throw new IllegalArgumentException(where + "every message needs a \"text\" string");
            }
            turns.add(author.equals("customer") ? Turn.customer(text.asString())
                    : Turn.ai(text.asString(), Turn.AiOutcome.UNKNOWN));
        }
        JsonNode escalate = node.get("escalate");
        if (escalate == null || !escalate.isBoolean()) {
            throw new IllegalArgumentException(where + "\"escalate\" must be true or false");
        }
        return new LabelledConversation(turns, escalate.asBoolean(), text(node.get("reason")), text(node.get("language")),
                text(node.get("business")));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
