package dev.tandem.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.tandem.ai.ChatModels;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.Message;
import dev.tandem.guardrails.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LLM mode's summary: the model writes the reason, actions, outcome note and follow-ups from the
 * conversation with every kind of personal data masked; the details and the outcome's status stay the
 * extractive ones (facts are read, not written). The model's text is checked before it is used: every number
 * in it must occur in the conversation, or the extractive summary stands (a model that makes up an order
 * number or an amount must not put it in the record).
 */
@Component
class GeneratedSummaries {

    private static final Logger log = LoggerFactory.getLogger(GeneratedSummaries.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DELIMITER = Pattern.compile("<(/?(?:conversation|message))", Pattern.CASE_INSENSITIVE);
    /** The longest transcript sent: a long conversation keeps its start (the reason) and its end (the outcome). */
    private static final int MAX_TRANSCRIPT = 12_000;

    private static final String SYSTEM = """
            You summarise customer-support conversations for the support team. Use only what the conversation \
            says: never add an order number, amount, date, product, name or promise that is not in it. Personal \
            data is masked as [EMAIL], [PHONE] and so on; keep the masks as they are. Answer with one JSON object \
            and nothing else: {"reason": "why the customer got in touch, one sentence", "actions": ["what was \
            done, one short sentence each: answers and the articles cited, tasks run, handoffs, what agents \
            did"], "outcome": "how it ended or where it stands, one sentence", "followUps": ["promises made to \
            the customer and things still to do, one short sentence each"]}. Write in English.""";

    private final ChatModels chat;
    private final InsightProperties.Summaries settings;

    GeneratedSummaries(ChatModels chat, InsightProperties properties) {
        this.chat = chat;
        this.settings = properties.summaries();
    }

    boolean available() {
        return settings.generate() && chat.enabled();
    }

    /**
     * The model's summary on top of the extractive one, when the model answers with usable JSON whose every
     * number occurs in the conversation; empty otherwise (the caller keeps the extractive one).
     */
    Optional<SummaryContent> summarise(SummarySource source, SummaryContent extractive) {
        String reply;
        try {
            reply = chat.complete(SYSTEM, prompt(source));
        }
        catch (ChatModels.ChatUnavailable e) {
            log.info("Summary of conversation {} stays extractive: {}", source.conversationId(), e.getMessage());
            return Optional.empty();
        }
        Optional<SummaryContent> generated = parse(reply, extractive);
        if (generated.isEmpty()) {
            log.info("Summary of conversation {} stays extractive: the model's reply was not the JSON asked for",
                    source.conversationId());
            return Optional.empty();
        }
        NumberGrounding grounding = new NumberGrounding(source.texts());
        var content = generated.get();
        List<String> ungrounded = new ArrayList<>();
        ungrounded.addAll(grounding.ungrounded(content.reason()));
        content.actions().forEach(action -> ungrounded.addAll(grounding.ungrounded(action)));
        content.followUps().forEach(followUp -> ungrounded.addAll(grounding.ungrounded(followUp)));
        ungrounded.addAll(grounding.ungrounded(content.outcome().note()));
        if (!ungrounded.isEmpty()) {
            log.info("Summary of conversation {} stays extractive: the model wrote {} number(s) the conversation "
                    + "does not hold", source.conversationId(), ungrounded.size());
            return Optional.empty();
        }
        return generated;
    }

    private Optional<SummaryContent> parse(String reply, SummaryContent extractive) {
        try {
            String json = reply.strip();
            int start = json.indexOf('{');
            int end = json.lastIndexOf('}');
            if (start < 0 || end <= start) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(json.substring(start, end + 1));
            String reason = text(node.get("reason"));
            String outcome = text(node.get("outcome"));
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SummaryContent(cut(reason), extractive.details(), list(node.get("actions")),
                    new Summary.Outcome(extractive.outcome().status(),
                            outcome.isEmpty() ? extractive.outcome().note() : cut(outcome),
                            extractive.outcome().customerFeedback()),
                    list(node.get("followUps"))));
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() ? "" : node.asString().strip();
    }

    private List<String> list(JsonNode node) {
        List<String> entries = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode entry : node) {
                String text = text(entry);
                if (!text.isEmpty() && entries.size() < settings.maxItems()) {
                    entries.add(cut(text));
                }
            }
        }
        return entries;
    }

    private String cut(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= settings.maxLength() ? flat : flat.substring(0, settings.maxLength() - 1).strip() + "…";
    }

    /** The conversation as the model reads it: each message masked, the data delimited and defused. */
    static String prompt(SummarySource source) {
        StringBuilder transcript = new StringBuilder();
        for (Message message : source.details().messages()) {
            String who = switch (message.author()) {
                case CUSTOMER -> "customer";
                case AI -> "assistant";
                case AGENT -> message.internal() ? "agent (internal note)" : "agent";
                case SYSTEM -> "system";
            };
            String text = PersonalData.masked(message.text().strip());
            transcript.append("<message from=\"").append(who).append("\">")
                .append(DELIMITER.matcher(text).replaceAll("&lt;$1"));
            if (message.author() == AuthorType.AI && !message.citations().isEmpty()) {
                transcript.append(" [cited: ").append(String.join("; ", message.citations().stream()
                    .map(c -> DELIMITER.matcher(c.title()).replaceAll("&lt;$1")).toList())).append(']');
            }
            transcript.append("</message>\n");
        }
        String text = transcript.toString();
        if (text.length() > MAX_TRANSCRIPT) {
            text = text.substring(0, MAX_TRANSCRIPT / 2) + "\n…\n" + text.substring(text.length() - MAX_TRANSCRIPT / 2);
        }
        var packet = source.packet();
        String state = switch (source.trigger()) {
            case HANDOFF -> "The conversation has just been handed to a person"
                    + (packet.why().isBlank() ? "." : ": " + PersonalData.masked(packet.why()));
            case RESOLUTION -> "The conversation has just been resolved.";
            case EDIT -> "";
        };
        return "<conversation>\n" + text + "</conversation>\n\n" + state;
    }
}
