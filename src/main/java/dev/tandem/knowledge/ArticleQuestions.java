package dev.tandem.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions each article answers, as customers ask them: curated on the article editor, and
 * learned from confirmed answers. The index searches them with the article (a question matches a
 * customer's question as a title does), and the decision to answer counts their words as the
 * article's. A change bumps the article's {@code questions_version}, which every node's index follows.
 */
@Service
public class ArticleQuestions {

    /** A curator's list longer than this is a list of keywords, not of questions. */
    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_LENGTH = 300;

    /**
     * @param question as written
     * @param source who added it
     */
    public record ArticleQuestion(String question, QuestionSource source) {
    }

    private final JdbcClient jdbc;
    private final ArticleRepository articles;
    private final Clock clock;

    ArticleQuestions(JdbcClient jdbc, ArticleRepository articles, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.clock = clock;
    }

    /** An article's questions: curated first, then learned, each in the order added. */
    public List<ArticleQuestion> of(UUID articleId) {
        return jdbc.sql("""
                select question, source from article_question where article_id = ?
                order by case when source = 'CURATED' then 0 else 1 end, created_at, question_key""")
            .param(articleId)
            .query((rs, row) -> new ArticleQuestion(rs.getString("question"), QuestionSource.valueOf(rs.getString("source"))))
            .list();
    }

    /** The questions of several articles at once (indexing), in the same order. */
    Map<UUID, List<String>> of(Collection<UUID> articleIds) {
        Map<UUID, List<String>> questions = new HashMap<>();
        if (articleIds.isEmpty()) {
            return questions;
        }
        jdbc.sql("""
                select article_id, question from article_question where article_id in (:ids)
                order by case when source = 'CURATED' then 0 else 1 end, created_at, question_key""")
            .param("ids", articleIds)
            .query(rs -> {
                questions.computeIfAbsent(rs.getObject("article_id", UUID.class), id -> new ArrayList<>())
                    .add(rs.getString("question"));
            });
        return questions;
    }

    /**
     * Replaces the curated questions of an article with {@code questions} (blank lines and repeats
     * dropped); learned ones stay, unless a curator lists one, which makes it curated.
     *
     * @throws org.springframework.web.ErrorResponseException 404 for no such article, 400 for too many
     *     or too long questions
     */
    @Transactional
    public List<ArticleQuestion> replaceCurated(UUID articleId, List<String> questions, String by) {
        articles.findById(articleId).orElseThrow(() -> ArticleProblems.notFound(articleId));
        Map<String, String> wanted = checked(questions);
        jdbc.sql("delete from article_question where article_id = ? and source = 'CURATED'").param(articleId).update();
        var now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        wanted.forEach((key, question) -> {
            jdbc.sql("delete from article_question where article_id = ? and question_key = ?").params(articleId, key)
                .update();
            jdbc.sql("""
                    insert into article_question (article_id, question_key, question, source, added_by, created_at)
                    values (?, ?, ?, 'CURATED', ?, ?)""").params(articleId, key, question, by, now).update();
        });
        changed(articleId);
        return of(articleId);
    }

    /**
     * Learns that {@code article} answers {@code question}; a question it already has is not added
     * again. Returns whether it was new.
     */
    @Transactional
    public boolean learn(UUID articleId, String question, QuestionSource source, String by) {
        articles.findById(articleId).orElseThrow(() -> ArticleProblems.notFound(articleId));
        String text = question == null ? "" : question.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw ArticleProblems.invalid("A question must be 1 to " + MAX_LENGTH + " characters.");
        }
        String key = key(text);
        boolean known = jdbc.sql("select count(*) from article_question where article_id = ? and question_key = ?")
            .params(articleId, key).query(Integer.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("""
                insert into article_question (article_id, question_key, question, source, added_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
            .params(articleId, key, text, source.name(), by,
                    Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
            .update();
        changed(articleId);
        return true;
    }

    private void changed(UUID articleId) {
        jdbc.sql("update article set questions_version = questions_version + 1 where id = ?").param(articleId).update();
    }

    static Map<String, String> checked(List<String> questions) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String question : questions == null ? List.<String>of() : questions) {
            String text = question == null ? "" : question.strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                continue;
            }
            if (text.length() > MAX_LENGTH) {
                throw ArticleProblems.invalid("A question may have at most " + MAX_LENGTH + " characters: '"
                        + text.substring(0, 40) + "…' has " + text.length() + ".");
            }
            byKey.putIfAbsent(key(text), text);
        }
        if (byKey.size() > MAX_QUESTIONS) {
            throw ArticleProblems.invalid("An article may list at most " + MAX_QUESTIONS + " questions (got "
                    + byKey.size() + ").");
        }
        return byKey;
    }

    static String key(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
