package dev.tandem.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A line of an {@code eval quality} file: {@code {"messages": [{"author": "customer"|"agent"|"ai", "text"}],
 * "labels": {"<item>": true|false|null}, "language"?, "business"?}}.
 */
record LabelledConversation(Transcript transcript, Map<String, Boolean> labels, String language, String business) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<LabelledConversation> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("test file not found: " + file);
        }
        List<LabelledConversation> conversations = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    conversations.add(parse(line, file.getFileName() + " line " + number + ": "));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (conversations.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no conversations");
        }
        return conversations;
    }

    static LabelledConversation parse(String line, String where) {
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
        List<Transcript.Line> lines = new ArrayList<>();
        int position = 0;
        for (JsonNode message : messages) {
            String author = message.get("author") == null ? "" : message.get("author").asString("");
            JsonNode text = message.get("text");
            Transcript.Author who = switch (author) {
                case "customer" -> Transcript.Author.CUSTOMER;
                case "agent" -> Transcript.Author.AGENT;
                case "ai" -> Transcript.Author.AI;
                default -> throw new IllegalArgumentException(where + "every message needs \"author\": \"customer\", \"agent\" or \"ai\"");
            };
            if (text == null || !text.isString()) {
                throw new IllegalArgumentException(where + "every message needs a \"text\"");
            }
            lines.add(new Transcript.Line(String.valueOf(position++), who, text.asString()));
        }
        JsonNode labelNode = node.get("labels");
        if (labelNode == null || !labelNode.isObject()) {
            throw new IllegalArgumentException(where + "\"labels\" must be an object of item: true|false|null");
        }
        Map<String, Boolean> labels = new LinkedHashMap<>();
        for (var entry : labelNode.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                labels.put(entry.getKey(), null);
            } else if (value.isBoolean()) {
                labels.put(entry.getKey(), value.asBoolean());
            } else {
                throw new IllegalArgumentException(where + "label \"" + entry.getKey() + "\" must be true, false or null");
            }
        }
        String customerName = node.hasNonNull("customerName") ? node.get("customerName").asString() : null;
        return new LabelledConversation(new Transcript(lines, customerName), labels,
                node.hasNonNull("language") ? node.get("language").asString() : null,
                node.hasNonNull("business") ? node.get("business").asString() : null);
    }
}
