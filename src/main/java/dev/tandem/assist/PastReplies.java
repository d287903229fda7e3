package dev.tandem.assist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.tandem.ai.Embeddings;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.Message;

/**
 * Replies agents sent in conversations that ended resolved, each with the customer message it answered
 * and that message's vector (stored, so no start embeds them again). A new customer message close enough
 * to one of them ({@code tandem.assist.past-reply-similarity}) gets that reply as a suggestion. The newest
 * {@link #KEPT} are searched in memory, a dot product each: about 2 ms for all of them.
 */
@Component
class PastReplies {

    static final int KEPT = 5_000;

    record Example(String customerText, String replyText, String replyMessageId, float[] vector) {
    }

    record Match(Example example, double similarity) {
    }

    private final JdbcClient jdbc;
    private final Embeddings embeddings;
    private final Clock clock;
    private final List<Example> examples = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loaded = new AtomicBoolean();

    PastReplies(JdbcClient jdbc, Embeddings embeddings, Clock clock) {
        this.jdbc = jdbc;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    private void load() {
        if (loaded.compareAndSet(false, true)) {
            examples.addAll(jdbc.sql("select * from assist_reply_example order by created_at desc")
                .query((rs, n) -> new Example(rs.getString("customer_text"), rs.getString("reply_text"),
                        rs.getString("reply_message_id"), vector(rs.getString("vector"))))
                .list()
                .stream().limit(KEPT).toList());
        }
    }

    /** Learns the agent replies of a resolved conversation (each with the customer message before it). */
    void learn(ConversationDetails details) {
        load();
        String lastCustomer = null;
        List<Example> learned = new ArrayList<>();
        for (Message message : details.messages()) {
            if (message.internal()) {
                continue;
            }
            if (message.author() == AuthorType.CUSTOMER) {
                lastCustomer = message.text();
            } else if (message.author() == AuthorType.AGENT && lastCustomer != null && !message.text().isBlank()) {
                float[] vector = embeddings.embed(lastCustomer);
                int stored = jdbc.sql("""
                        insert into assist_reply_example (reply_message_id, conversation_id, customer_text, reply_text, vector, created_at)
                        select ?, ?, ?, ?, ?, ? where not exists (select 1 from assist_reply_example where reply_message_id = ?)""")
                    .params(message.id(), details.conversation().id(), clip(lastCustomer), clip(message.text()),
                            text(vector), Timestamp.from(clock.instant()), message.id())
                    .update();
                if (stored > 0) {
                    learned.add(new Example(lastCustomer, message.text(), message.id().toString(), vector));
                }
                lastCustomer = null;
            }
        }
        examples.addAll(0, learned);
    }

    /** The closest past replies at or above {@code least}, best first, at most {@code n}, one per reply text. */
    List<Match> closestTo(String customerText, double least, int n) {
        load();
        if (examples.isEmpty() || customerText == null || customerText.isBlank()) {
            return List.of();
        }
        float[] query = embeddings.embed(customerText);
        List<Match> matches = new ArrayList<>();
        for (Example example : examples) {
            double similarity = 0;
            for (int i = 0; i < query.length; i++) {
                similarity += query[i] * example.vector()[i];
            }
            if (similarity >= least) {
                matches.add(new Match(example, similarity));
            }
        }
        matches.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        List<Match> distinct = new ArrayList<>();
        for (Match match : matches) {
            if (distinct.stream().noneMatch(m -> m.example().replyText().equals(match.example().replyText()))) {
                distinct.add(match);
            }
            if (distinct.size() == n) {
                break;
            }
        }
        return distinct;
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    static String text(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static float[] vector(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }
}
