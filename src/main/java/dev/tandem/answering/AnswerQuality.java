package dev.tandem.answering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.guardrails.PersonalData;
import dev.tandem.knowledge.Article;
import dev.tandem.knowledge.Articles;

/**
 * How well the assistant answers from each article, per language: how many answers cited it, the share the quality
 * judge found accurate and policy compliant (of those it could judge), the customers' yes and no, and the worst
 * examples with the judge's evidence. Worst articles first: what curators should fix. Read from the answers' records
 * when asked, never on the message path.
 */
@Service
class AnswerQuality {

    /** The newest answers a report reads; older ones in a long period are left out (and said so). */
    static final int MAX_ANSWERS = 20_000;
    private static final int WORST_EXAMPLES = 3;

    record Report(Instant since, String language, int answers, boolean truncated, List<ArticleQuality> articles) {
    }

    /**
     * @param articleId null for answers from a knowledge folder, which have no stored article
     * @param accurateShare of the answers judged on accuracy (null when none was)
     * @param compliantShare of the answers judged on policy (null when none was)
     */
    record ArticleQuality(UUID articleId, String title, String language, int answers, int judgedAccurate,
            Double accurateShare, int judgedPolicy, Double compliantShare, int helpful, int notHelpful,
            List<Example> worst) {
    }

    /** An answer that failed, with the judge's evidence (the reply's own words) and the conversation to open. */
    record Example(UUID conversationId, String question, String item, String evidence, String basis, double confidence,
            Instant answeredAt) {
    }

    private final AnswerVerdicts verdicts;
    private final Articles articles;
    private final Clock clock;

    AnswerQuality(AnswerVerdicts verdicts, Articles articles, Clock clock) {
        this.verdicts = verdicts;
        this.articles = articles;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Report report(Duration period, String language) {
        Instant since = clock.instant().minus(period);
        List<AnswerVerdicts.JudgedAnswer> answers = verdicts.answeredSince(since, language, MAX_ANSWERS);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (AnswerVerdicts.JudgedAnswer answer : answers) {
            UUID articleId = firstArticle(answer);
            tallies.computeIfAbsent(articleId + "/" + answer.language(), k -> new Tally(articleId, answer.language()))
                .add(answer);
        }
        List<ArticleQuality> figures = tallies.values().stream().map(t -> t.figures(articles)).sorted(WORST_FIRST).toList();
        return new Report(since, language, answers.size(), answers.size() == MAX_ANSWERS, figures);
    }

    private static final Comparator<ArticleQuality> WORST_FIRST = Comparator
        .comparing((ArticleQuality a) -> a.accurateShare() == null ? 2.0 : a.accurateShare())
        .thenComparing(a -> a.compliantShare() == null ? 2.0 : a.compliantShare())
        .thenComparing(ArticleQuality::answers, Comparator.reverseOrder());

    /** The article an answer was quoted from (its first citation); null when it is not a stored article. */
    static UUID firstArticle(AnswerVerdicts.JudgedAnswer answer) {
        if (answer.citedArticleIds().isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(answer.citedArticleIds().get(0));
        } catch (IllegalArgumentException fromAKnowledgeFolder) {
            return null;
        }
    }

    private static final class Tally {

        private final UUID articleId;
        private final String language;
        private int answers;
        private int judgedAccurate;
        private int accurate;
        private int judgedPolicy;
        private int compliant;
        private int helpful;
        private int notHelpful;
        private final List<Example> failed = new ArrayList<>();

        Tally(UUID articleId, String language) {
            this.articleId = articleId;
            this.language = language;
        }

        void add(AnswerVerdicts.JudgedAnswer answer) {
            answers++;
            answer.verdict("accurate").ifPresent(v -> {
                judgedAccurate++;
                accurate += v.verdict() ? 1 : 0;
            });
            answer.verdict("policy_compliant").ifPresent(v -> {
                judgedPolicy++;
                compliant += v.verdict() ? 1 : 0;
            });
            if (answer.helpful() != null) {
                helpful += answer.helpful() ? 1 : 0;
                notHelpful += answer.helpful() ? 0 : 1;
            }
            for (AnswerVerdicts.AnswerVerdict v : answer.failed()) {
                failed.add(new Example(answer.conversationId(), PersonalData.masked(answer.question().strip()), v.item(),
                        v.evidence(), v.basis(), v.confidence(), answer.answeredAt()));
            }
        }

        ArticleQuality figures(Articles articles) {
            String title = articleId == null ? null : articles.findById(articleId).map(Article::title).orElse(null);
            List<Example> worst = failed.stream()
                .sorted(Comparator.comparingDouble(Example::confidence).reversed()
                    .thenComparing(Example::answeredAt, Comparator.reverseOrder()))
                .limit(WORST_EXAMPLES).toList();
            return new ArticleQuality(articleId, Optional.ofNullable(title).orElse(articleId == null ? "(no stored article)"
                    : "(deleted article)"), language, answers, judgedAccurate, share(accurate, judgedAccurate), judgedPolicy,
                    share(compliant, judgedPolicy), helpful, notHelpful, worst);
        }

        private static Double share(int held, int judged) {
            return judged == 0 ? null : Math.round(1000.0 * held / judged) / 1000.0;
        }
    }
}
