package dev.tandem.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.tandem.knowledge.Articles;

/**
 * Whether an AI reply must wait for a person, and why. Cheap: a few patterns and, when recent articles count,
 * one article lookup per source.
 */
@Service
public class ReviewPolicy {

    /**
     * What the policy reads.
     *
     * @param question the customer's message
     * @param reply the reply about to be sent ("" before the model has written it)
     * @param confidence how sure the assistant is (0-1); {@code NaN} when the reply is not an answer
     * @param articleIds the articles the reply quotes
     * @param constitutionRule the rule of the constitution that asks for review, else null
     */
    public record Candidate(String question, String reply, double confidence, List<String> articleIds,
            String constitutionRule) {

        public Candidate {
            articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
            reply = reply == null ? "" : reply;
            question = question == null ? "" : question;
        }
    }

    private final ReviewProperties properties;
    private final Articles articles;
    private final Clock clock;
    private final Pattern topics;

    ReviewPolicy(ReviewProperties properties, Articles articles, Clock clock) {
        this.properties = properties;
        this.articles = articles;
        this.clock = clock;
        this.topics = properties.sensitiveTopics().isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", properties.sensitiveTopics().stream()
                    .map(t -> Pattern.quote(t.toLowerCase(Locale.ROOT).strip())).toList()) + ")(?![\\p{L}\\p{N}])",
                        Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);
    }

    /** Why {@code candidate} must be reviewed; empty when it may go out. */
    public List<String> reasons(Candidate candidate) {
        List<String> reasons = new ArrayList<>(2);
        if (properties.mode() == ReviewMode.SUPERVISED) {
            reasons.add("supervised mode");
        }
        if (candidate.constitutionRule() != null) {
            reasons.add("constitution rule " + candidate.constitutionRule());
        }
        if (topics != null) {
            var found = topics.matcher(candidate.question() + "\n" + candidate.reply());
            if (found.find()) {
                reasons.add("sensitive topic: " + found.group(1).toLowerCase(Locale.ROOT));
            }
        }
        if (properties.minConfidence() > 0 && !Double.isNaN(candidate.confidence())
                && candidate.confidence() < properties.minConfidence()) {
            reasons.add(String.format(Locale.ROOT, "low confidence (%.2f)", candidate.confidence()));
        }
        if (!properties.recentArticles().isZero() && !candidate.articleIds().isEmpty()) {
            Instant since = clock.instant().minus(properties.recentArticles());
            for (String id : candidate.articleIds()) {
                try {
                    var article = articles.findById(UUID.fromString(id));
                    if (article.isPresent() && article.get().updatedAt() != null && article.get().updatedAt().isAfter(since)) {
                        reasons.add("recently changed article: " + article.get().title());
                        break;
                    }
                } catch (IllegalArgumentException notAStoredArticle) {
                    // a passage of an article not stored (tests, imports in progress): not recent in any sense we know
                }
            }
        }
        return reasons;
    }

    /** Whether a reply may be shown while it is written: never when it will be held whatever it says. */
    public boolean mayShowWhileWritten(Candidate beforeWriting) {
        return reasons(beforeWriting).isEmpty();
    }
}
