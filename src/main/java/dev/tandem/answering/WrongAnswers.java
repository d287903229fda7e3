package dev.tandem.answering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.Message;
import dev.tandem.guardrails.PersonalData;
import dev.tandem.knowledge.Article;
import dev.tandem.knowledge.Articles;

/**
 * The other half of the knowledge gaps: questions the assistant did answer, wrongly. An answer is listed when the
 * quality judge found it inaccurate against the knowledge base or not policy compliant, or when the customer said it
 * did not help; a curator links the question to the right article or dismisses it, as a gap.
 */
@Service
class WrongAnswers {

    /** The newest answers considered: a curator's list, not an archive. */
    static final int MAX_ANSWERS = 5_000;
    static final int MAX_LISTED = 50;

    /**
     * One answer to fix.
     *
     * @param reasons why it is listed: "inaccurate", "not policy compliant", "did not help"
     * @param evidence the reply's words the first failed verdict rests on (null when only the customer objected)
     */
    record WrongAnswer(UUID answerId, UUID conversationId, String question, String answer, String language,
            UUID articleId, String articleTitle, List<String> reasons, String evidence, String basis, Instant answeredAt) {
    }

    private final AnswerVerdicts verdicts;
    private final ConversationQueries conversations;
    private final Articles articles;
    private final Clock clock;

    WrongAnswers(AnswerVerdicts verdicts, ConversationQueries conversations, Articles articles, Clock clock) {
        this.verdicts = verdicts;
        this.conversations = conversations;
        this.articles = articles;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<WrongAnswer> list(Duration window) {
        List<WrongAnswer> wrong = new ArrayList<>();
        Map<UUID, Optional<Article>> cited = new HashMap<>();
        for (AnswerVerdicts.JudgedAnswer answer : verdicts.answeredSince(clock.instant().minus(window), null, MAX_ANSWERS)) {
            if (wrong.size() == MAX_LISTED) {
                break;
            }
            List<AnswerVerdicts.AnswerVerdict> failed = answer.failed();
            boolean unhelpful = Boolean.FALSE.equals(answer.helpful());
            if (answer.dismissed() || (failed.isEmpty() && !unhelpful)) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            failed.forEach(v -> reasons.add(reason(v.item())));
            if (unhelpful) {
                reasons.add("did not help");
            }
            UUID articleId = AnswerQuality.firstArticle(answer);
            Optional<Article> article = articleId == null ? Optional.empty()
                    : cited.computeIfAbsent(articleId, articles::findById);
            AnswerVerdicts.AnswerVerdict first = failed.isEmpty() ? null : failed.get(0);
            wrong.add(new WrongAnswer(answer.answerId(), answer.conversationId(),
                    PersonalData.masked(answer.question().strip()), replyText(answer), answer.language(), articleId,
                    article.map(Article::title).orElse(null), reasons, first == null ? null : first.evidence(),
                    first == null ? null : first.basis(), answer.answeredAt()));
        }
        return wrong;
    }

    static String reason(String item) {
        return switch (item) {
            case "accurate" -> "inaccurate";
            case "policy_compliant" -> "not policy compliant";
            default -> item.replace('_', ' ') + " failed";
        };
    }

    private String replyText(AnswerVerdicts.JudgedAnswer answer) {
        return conversations.whole(answer.conversationId())
            .flatMap(details -> details.messages().stream().filter(m -> m.id().equals(answer.replyMessageId())).findFirst())
            .map(Message::text)
            .map(PersonalData::masked)
            .orElse(null);
    }
}
