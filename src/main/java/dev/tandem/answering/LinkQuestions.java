package dev.tandem.answering;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.knowledge.ArticleQuestions;
import dev.tandem.knowledge.QuestionSource;

/**
 * A curator or an agent says which article answers a question the assistant did not answer: a
 * knowledge gap (from the gaps page), or a customer's message in a conversation that was handed over
 * (from the conversation view). The article learns the question's wordings, without the customer's
 * details, and answers them from then on; a linked gap is dismissed.
 */
@Service
public class LinkQuestions {

    private final AnswerRecords records;
    private final ConversationQueries conversations;
    private final ArticleQuestions questions;
    private final java.time.Clock clock;

    LinkQuestions(AnswerRecords records, ConversationQueries conversations, ArticleQuestions questions,
            java.time.Clock clock) {
        this.records = records;
        this.conversations = conversations;
        this.questions = questions;
        this.clock = clock;
    }

    /**
     * Links the recorded questions of a gap to {@code articleId} and dismisses them; returns how many
     * new wordings the article learned.
     */
    @Transactional
    public int linkGap(List<UUID> questionIds, UUID articleId, String by) {
        List<AnswerRecord> asked = records.byIds(questionIds);
        if (asked.isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "None of the questions " + questionIds + " was recorded.");
        }
        Set<String> wordings = new LinkedHashSet<>();
        asked.forEach(record -> wordings.add(CustomerDetails.removedFrom(record.question()).strip()));
        int learned = learn(articleId, wordings, by);
        records.dismiss(asked.stream().map(AnswerRecord::id).toList(), clock.instant());
        return learned;
    }

    /** Links a customer's message of a conversation to {@code articleId}; returns whether it was new to the article. */
    @Transactional
    public boolean linkMessage(UUID conversationId, UUID messageId, UUID articleId, String by) {
        String text = conversations.forCustomer(conversationId)
            .flatMap(details -> details.messages().stream()
                .filter(m -> m.id().equals(messageId) && m.author() == AuthorType.CUSTOMER)
                .findFirst())
            .orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                    "Conversation " + conversationId + " has no customer message " + messageId + "."))
            .text();
        return learn(articleId, Set.of(CustomerDetails.removedFrom(text).strip()), by) > 0;
    }

    private int learn(UUID articleId, Set<String> wordings, String by) {
        int learned = 0;
        for (String wording : wordings) {
            if (wording.isEmpty() || wording.length() > ArticleQuestions.MAX_LENGTH) {
                continue;
            }
            learned += questions.learn(articleId, wording, QuestionSource.LINKED, by) ? 1 : 0;
        }
        return learned;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
