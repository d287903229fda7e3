package dev.tandem.answering;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.ai.Embeddings;
import dev.tandem.conversation.Citation;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessageKind;
import dev.tandem.conversation.PostAiMessage;
import dev.tandem.knowledge.ArticleQuestions;
import dev.tandem.knowledge.Articles;
import dev.tandem.knowledge.Passage;
import dev.tandem.knowledge.QuestionSource;

/**
 * The customer's "Did this answer your question?" under an AI answer, stored with the conversation
 * (for the outcome figures). A "yes" teaches the article the question it answered (without the
 * customer's details): the next customer who asks it that way is answered more surely. A "no" gets the
 * other articles that fit as choices when there are any, else the offer of a person (a "yes" to it
 * hands the conversation over, as after "I don't know").
 */
@Service
public class AnswerFeedback {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final AnswerRecords records;
    private final ConversationQueries conversations;
    private final PostAiMessage post;
    private final GroundedAnswers answers;
    private final ArticleQuestions questions;
    private final Articles articles;
    private final Embeddings embeddings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AnswerFeedback(AnswerRecords records, ConversationQueries conversations, PostAiMessage post,
            GroundedAnswers answers, ArticleQuestions questions, Articles articles, Embeddings embeddings,
            TransactionTemplate transactions, Clock clock) {
        this.records = records;
        this.conversations = conversations;
        this.post = post;
        this.answers = answers;
        this.questions = questions;
        this.articles = articles;
        this.embeddings = embeddings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param helpful as stored now
     * @param messages what the assistant said in return (nothing after a "yes", or a repeated click)
     */
    public record Given(boolean helpful, List<Message> messages) {

        public Given {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Records the customer's feedback on the AI answer {@code replyMessageId}; clicking the same again
     * changes nothing.
     *
     * @throws ErrorResponseException 404 when that message is not an AI answer of this conversation
     */
    public Given give(UUID conversationId, UUID replyMessageId, boolean helpful) {
        AnswerRecord answer = records.byConversation(conversationId).stream()
            .filter(record -> replyMessageId.equals(record.replyMessageId()) && record.kind().answered())
            .findFirst()
            .orElseThrow(() -> notAnAnswer(replyMessageId));
        boolean changed = Boolean.TRUE.equals(transactions.execute(
                tx -> records.feedback(conversationId, replyMessageId, helpful, now())));
        if (!changed) {
            return new Given(helpful, List.of());
        }
        if (helpful) {
            learn(answer);
            return new Given(true, List.of());
        }
        return new Given(false, followUp(conversationId, answer).stream().toList());
    }

    /** The feedback given on the answers of a conversation: reply message id → helpful. */
    public Map<UUID, Boolean> of(UUID conversationId) {
        return records.feedback(conversationId);
    }

    private void learn(AnswerRecord answer) {
        String question = CustomerDetails.removedFrom(answer.question());
        if (answer.citedArticleIds().isEmpty() || question.length() > ArticleQuestions.MAX_LENGTH) {
            return;
        }
        try {
            questions.learn(UUID.fromString(answer.citedArticleIds().get(0)), question, QuestionSource.CONFIRMED,
                    "customer");
        } catch (IllegalArgumentException notAStoredArticle) {
            // answers from a knowledge folder (evaluation) have no stored article to learn
        } catch (ErrorResponseException articleGone) {
            // deleted since it answered: nothing to teach
        }
    }

    /** After a "no": the other articles that fit as choices, else the offer of a person. */
    private Optional<Message> followUp(UUID conversationId, AnswerRecord answer) {
        var details = conversations.forCustomer(conversationId).orElse(null);
        if (details == null || details.conversation().status() != ConversationStatus.AI) {
            return Optional.empty();
        }
        List<Passage> others = answers.alternatives(answer.question(), answer.language(), answer.citedArticleIds());
        ChoicePhrases phrases = ChoicePhrases.in(answer.language());
        Answer.Kind kind = others.size() >= 2 ? Answer.Kind.SUGGESTED : Answer.Kind.DONT_KNOW;
        String text = kind == Answer.Kind.SUGGESTED ? phrases.notHelpfulWithChoices() : phrases.notHelpful();
        List<Citation> choices = kind == Answer.Kind.SUGGESTED ? others.stream()
            .map(p -> new Citation(p.articleId(), p.title(), helpPage(p.articleId()), null))
            .toList() : List.of();
        float[] vector = kind == Answer.Kind.DONT_KNOW ? embeddings.embedQuery(answer.question()) : null;
        return transactions.execute(tx -> {
            Optional<Message> message = post.post(conversationId, text, choices,
                    kind == Answer.Kind.SUGGESTED ? MessageKind.CHOICES : MessageKind.PLAIN);
            message.ifPresent(m -> records.insert(new AnswerRecord(IDS.generate(), conversationId,
                    answer.questionMessageId(), m.id(), kind, answer.language(), answer.question(), vector,
                    choices.stream().map(Citation::articleId).toList(), 0, now())));
            return message;
        });
    }

    private String helpPage(String articleId) {
        try {
            return articles.findById(UUID.fromString(articleId)).map(a -> "/help/" + a.slug()).orElse(null);
        } catch (IllegalArgumentException notAStoredArticle) {
            return null;
        }
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ErrorResponseException notAnAnswer(UUID messageId) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Message " + messageId + " is not an answer of the AI assistant in this conversation."), null);
    }
}
