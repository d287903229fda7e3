package dev.tandem.answering;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The quality judge's verdicts on the assistant's replies (V92), one per reply and item. */
@Repository
class AnswerVerdicts {

    /** One verdict on one reply. */
    record AnswerVerdict(UUID replyMessageId, String item, boolean verdict, String evidence, String basis,
            double confidence) {
    }

    /**
     * An answer of the assistant with what was said of it: the judge's verdicts and the customer's feedback.
     *
     * @param helpful the customer's "Did this answer your question?" (null: not asked or not clicked)
     */
    record JudgedAnswer(UUID answerId, UUID conversationId, UUID replyMessageId, String language, String question,
            List<String> citedArticleIds, Instant answeredAt, boolean dismissed, Boolean helpful,
            List<AnswerVerdict> verdicts) {

        Optional<AnswerVerdict> verdict(String item) {
            return verdicts.stream().filter(v -> v.item().equals(item)).findFirst();
        }

        List<AnswerVerdict> failed() {
            return verdicts.stream().filter(v -> !v.verdict()).toList();
        }
    }

    private final JdbcClient jdbc;

    AnswerVerdicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the conversation's verdicts: a conversation resolved again is judged again. */
    void replace(UUID conversationId, int rubricVersion, Instant judgedAt, List<AnswerVerdict> verdicts) {
        jdbc.sql("delete from ai_answer_verdict where conversation_id = ?").param(conversationId).update();
        for (AnswerVerdict v : verdicts) {
            jdbc.sql("""
                    insert into ai_answer_verdict (reply_message_id, item, conversation_id, verdict, evidence, basis,
                        confidence, rubric_version, judged_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.replyMessageId(), v.item(), conversationId, v.verdict(), cut(v.evidence(), 1000),
                        cut(v.basis(), 300), v.confidence(), rubricVersion, Timestamp.from(judgedAt))
                .update();
        }
    }

    /**
     * The assistant's answers (kind answered) since {@code since}, newest first, at most {@code limit}, with their
     * verdicts and feedback; {@code language} null for all.
     */
    List<JudgedAnswer> answeredSince(Instant since, String language, int limit) {
        Map<UUID, JudgedAnswer> answers = new LinkedHashMap<>();
        jdbc.sql("""
                select a.id, a.conversation_id, a.reply_message_id, a.language, a.question, a.cited_article_ids,
                       a.created_at, a.dismissed_at, f.helpful, v.item, v.verdict, v.evidence, v.basis, v.confidence
                from (select * from ai_answer where kind = :kind and created_at >= :since
                        and (cast(:language as varchar(8)) is null or language = :language)
                      order by created_at desc, id desc limit :limit) a
                left join ai_answer_feedback f on f.reply_message_id = a.reply_message_id
                left join ai_answer_verdict v on v.reply_message_id = a.reply_message_id
                order by a.created_at desc, a.id desc, v.item""")
            .param("kind", Answer.Kind.ANSWERED.name()).param("since", Timestamp.from(since))
            .param("language", language).param("limit", limit)
            .query((ResultSet rs) -> {
                UUID id = rs.getObject("id", UUID.class);
                JudgedAnswer answer = answers.get(id);
                if (answer == null) {
                    String cited = rs.getString("cited_article_ids");
                    boolean said = rs.getBoolean("helpful");
                    Boolean helpful = rs.wasNull() ? null : said;
                    answer = new JudgedAnswer(id, rs.getObject("conversation_id", UUID.class),
                            rs.getObject("reply_message_id", UUID.class), rs.getString("language"), rs.getString("question"),
                            cited == null ? List.of() : Arrays.asList(cited.split(",")),
                            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("dismissed_at") != null,
                            helpful, new ArrayList<>());
                    answers.put(id, answer);
                }
                String item = rs.getString("item");
                if (item != null) {
                    answer.verdicts().add(new AnswerVerdict(answer.replyMessageId(), item, rs.getBoolean("verdict"),
                            rs.getString("evidence"), rs.getString("basis"), rs.getDouble("confidence")));
                }
            });
        return List.copyOf(answers.values());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
