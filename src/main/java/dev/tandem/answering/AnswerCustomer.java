package dev.tandem.answering;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.conversation.Citation;
import dev.tandem.conversation.AiDisclosure;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessageKind;
import dev.tandem.conversation.PostAiMessage;
import dev.tandem.conversation.RequestHandoff;
import dev.tandem.escalation.Assessment;
import dev.tandem.escalation.EscalateConversation;
import dev.tandem.escalation.EscalationPolicy;
import dev.tandem.escalation.Turn;
import dev.tandem.guardrails.GuardrailAction;
import dev.tandem.guardrails.InputGuardrails;
import dev.tandem.guardrails.OutputAction;
import dev.tandem.guardrails.OutputGuardrails;
import dev.tandem.guardrails.OutputVerdict;
import dev.tandem.guardrails.Screening;
import dev.tandem.knowledge.Articles;
import dev.tandem.knowledge.KnowledgeIndexStatus;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.knowledge.Passage;
import dev.tandem.procedures.ProcedureTurn;
import dev.tandem.procedures.RunProcedures;
import dev.tandem.review.ReviewPolicy;
import dev.tandem.review.ReviewQueue;

/**
 * The AI assistant's turn, on the request path of the customer's message: while the conversation is
 * the assistant's, the escalation policy looks at it first (a request for a person, frustration,
 * high stakes, a vulnerable customer, answers that did not help) and hands it to a person when it
 * finds a reason; otherwise the message gets an answer quoted from the knowledge base with its
 * sources, one clarifying question, or an honest "I don't know" with the offer of a person. The
 * first reply says that the customer is talking to an AI assistant.
 */
@Service
public class AnswerCustomer {

    /** Citations show the start of the quoted passage; the link has the rest. */
    private static final int SNIPPET_LENGTH = 200;
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnswerCustomer.class);

    private final AnsweringProperties properties;
    private final GroundedAnswers answers;
    private final KnowledgeSearch knowledge;
    private final KnowledgeIndexStatus index;
    private final LanguageDetection languages;
    private final ConversationQueries conversations;
    private final PostAiMessage post;
    private final RequestHandoff handoff;
    private final EscalationPolicy escalationPolicy;
    private final EscalateConversation escalate;
    private final Articles articles;
    private final AnswerRecords records;
    private final LlmAnswers llm;
    private final RepliesInProgress inProgress;
    private final InputGuardrails guardrails;
    private final OutputGuardrails output;
    private final ReviewPolicy reviewPolicy;
    private final ReviewQueue review;
    private final RunProcedures procedures;
    private final ModelCoverage coverage;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Timer replies;

    private final AiDisclosure disclosure;

    AnswerCustomer(AnsweringProperties properties, GroundedAnswers answers, KnowledgeSearch knowledge,
            KnowledgeIndexStatus index, LanguageDetection languages,
            ConversationQueries conversations, PostAiMessage post, RequestHandoff handoff,
            EscalationPolicy escalationPolicy, EscalateConversation escalate, Articles articles, AnswerRecords records, LlmAnswers llm, RepliesInProgress inProgress,
            InputGuardrails guardrails, OutputGuardrails output, ReviewPolicy reviewPolicy, ReviewQueue review,
            RunProcedures procedures,
            ModelCoverage coverage, TransactionTemplate transactions, Clock clock, MeterRegistry meters,
            AiDisclosure disclosure) {
        this.disclosure = disclosure;
        this.properties = properties;
        this.answers = answers;
        this.knowledge = knowledge;
        this.index = index;
        this.languages = languages;
        this.conversations = conversations;
        this.post = post;
        this.handoff = handoff;
        this.escalationPolicy = escalationPolicy;
        this.escalate = escalate;
        this.articles = articles;
        this.records = records;
        this.llm = llm;
        this.inProgress = inProgress;
        this.guardrails = guardrails;
        this.output = output;
        this.reviewPolicy = reviewPolicy;
        this.review = review;
        this.procedures = procedures;
        this.coverage = coverage;
        this.transactions = transactions;
        this.clock = clock;
        this.replies = Timer.builder("tandem.assistant.reply")
            .description("The AI assistant's turn on the request path of a customer message")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters);
    }

    /**
     * What the assistant did: the conversation's status afterwards and the messages it posted; or, when
     * {@code pending}, that its reply is still being worked out and will arrive over the live stream.
     */
    public record Reply(ConversationStatus status, List<Message> messages, boolean pending) {

        public Reply {
            messages = List.copyOf(messages);
        }

        public Reply(ConversationStatus status, List<Message> messages) {
            this(status, messages, false);
        }

        /** The turn is under way: the conversation is still the assistant's, nothing posted yet. */
        static Reply awaited() {
            return new Reply(ConversationStatus.AI, List.of(), true);
        }
    }

    /**
     * Whether new conversations start with the assistant: it is on ({@code tandem.answering.enabled})
     * and has published knowledge to answer from; with none it could only ever say "I don't know",
     * so customers go straight to a person. Before this node's index is first built it cannot tell, and
     * the assistant takes the conversation: its turn waits for the index ({@link AssistantReadiness}).
     */
    public boolean enabled() {
        return properties.enabled() && (!index.initialIndexBuilt() || knowledge.answersCustomers());
    }

    /** The assistant's reply to {@code question}, a customer message just stored; nothing when a person has the conversation. */
    public Reply reply(UUID conversationId, Message question) {
        Timer.Sample started = Timer.start();
        try {
            return answer(conversationId, question);
        } catch (RuntimeException e) {
            // the customer must never be left without a reply: a person takes over
            log.error("The AI assistant failed to answer in conversation {}; handing it to a person", conversationId, e);
            var outcome = handoff.request(conversationId, "The AI assistant could not answer (an internal error).");
            return new Reply(outcome.status(), outcome.notice().stream().toList());
        } finally {
            started.stop(replies);
        }
    }

    private Reply answer(UUID conversationId, Message question) {
        ConversationDetails details = conversations.forCustomer(conversationId).orElse(null);
        if (details == null || !properties.enabled() || details.conversation().status() != ConversationStatus.AI) {
            return new Reply(details == null ? ConversationStatus.AI : details.conversation().status(), List.of());
        }
        List<AnswerRecord> answered = records.byConversation(conversationId);
        Optional<AnswerRecord> previous = answered.isEmpty() ? Optional.empty()
                : Optional.of(answered.get(answered.size() - 1));
        String language = languages.detect(question.text())
            .or(() -> previous.map(AnswerRecord::language))
            .orElse(properties.defaultLanguage());
        Screening screening = guardrails.screen(question.text());
        if (screening.requires(GuardrailAction.HAND_OFF)) {
            var outcome = handoff.request(conversationId, "The guardrails found " + screening.summary() + " in the customer's message.");
            return new Reply(outcome.status(), outcome.notice().stream().toList());
        }
        if (screening.requires(GuardrailAction.SAFE_REPLY)) {
            Optional<Message> safe = transactions.execute(tx -> post.post(conversationId, guardrails.safeReply(language), List.of()));
            return new Reply(ConversationStatus.AI, safe.stream().toList());
        }
        Assessment assessment = escalationPolicy.assess(transcript(details, answered), language);
        boolean toAPerson = assessment.escalate() && !assessment.onlyUnanswered();
        if (toAPerson && !assessment.yieldsToRoutineHelp()) {
            return handOver(conversationId, question, assessment, language);
        }
        // a routine request (a reset link, a refund) is done rather than explained: an open procedure takes
        // the message, or the message starts one; the learned opinion alone does not outweigh it, nor a sure answer
        Optional<ProcedureTurn> procedure = procedures.handle(details, question, language);
        if (procedure.isPresent()) {
            return new Reply(procedure.get().status(), procedure.get().messages());
        }
        // a choice among the articles offered is answered from that article, for the question it was offered for
        Optional<Citation> chosen = previous.filter(record -> record.kind() == Answer.Kind.SUGGESTED)
            .flatMap(record -> ChosenArticle.in(offered(details, record), question.text()));
        // an answer to "is it about A or B?" only makes sense with the question it answers
        String asked = chosen.isPresent() ? previous.get().question()
                : previous.filter(record -> record.kind() == Answer.Kind.CLARIFIED)
                    .map(record -> record.question() + "\n" + question.text())
                    .orElse(question.text());
        boolean firstReply = details.messages().stream().noneMatch(m -> m.author() == dev.tandem.conversation.AuthorType.AI);
        boolean modelAllowed = !screening.requires(GuardrailAction.KEEP_FROM_MODEL);
        Answer found = chosen.map(choice -> answers.answerFrom(choice.articleId(), asked, language))
            .orElseGet(() -> {
                Answer embedded = answers.answer(asked, language);
                return modelAllowed ? coverage.widen(embedded, asked) : embedded;
            });
        if (toAPerson && !found.kind().answered()) {
            return handOver(conversationId, question, assessment, language);
        }
        // a reply a person will check whatever it says is not shown while it is written
        boolean showWhileWritten = reviewPolicy.mayShowWhileWritten(new ReviewPolicy.Candidate(question.text(), "",
                confidenceOf(found), articleIds(found), null));
        Answer answer = modelAllowed ? inModelsWords(conversationId, found, asked, soFar -> {
            if (showWhileWritten) {
                inProgress.show(details.conversation(), question,
                        wording(soFar, firstReply ? disclosure.text(soFar.language(), conversationId) : null, false));
            }
        }) : found;
        if (assessment.onlyUnanswered() && !answer.kind().answered() && answer.kind() != Answer.Kind.CLARIFIED
                && answer.kind() != Answer.Kind.SUGGESTED) {
            // a second "I don't know" helps nobody: a person it is
            return handOver(conversationId, question, assessment, language);
        }
        String written = wording(answer, firstReply ? disclosure.text(answer.language(), conversationId) : null, true);
        List<Citation> cited = answer.kind().answered() ? citations(answer)
                : answer.kind() == Answer.Kind.SUGGESTED ? choices(answer) : List.of();
        MessageKind writtenKind = answer.kind() == Answer.Kind.SUGGESTED ? MessageKind.CHOICES : MessageKind.PLAIN;
        // the output constitution, then the review policy: the one place every AI-written reply passes
        OutputVerdict verdict = output.check(conversationId, written, language);
        if (verdict.action() == OutputAction.ESCALATE) {
            var outcome = handoff.request(conversationId, "The AI's reply broke the rule '" + verdict.ruleId()
                    + "' of the output constitution (version " + verdict.constitutionVersion() + ").");
            return new Reply(outcome.status(), outcome.notice().stream().toList());
        }
        boolean blocked = verdict.action() == OutputAction.BLOCK;
        String text = blocked ? verdict.safeReply() : written;
        List<Citation> citations = blocked ? List.of() : cited;
        MessageKind kind = blocked ? MessageKind.PLAIN : writtenKind;
        if (!blocked) {
            List<String> reasons = reviewPolicy.reasons(new ReviewPolicy.Candidate(question.text(), written,
                    confidenceOf(answer), articleIds(answer),
                    verdict.action() == OutputAction.REVIEW ? verdict.ruleId() : null));
            if (!reasons.isEmpty()) {
                Optional<Message> notice = transactions.execute(tx -> review.hold(new ReviewQueue.Hold(conversationId,
                        question.id(), language, written, cited, writtenKind, reasons)));
                return new Reply(ConversationStatus.AI, notice.stream().toList());
            }
        }
        Optional<Message> posted = transactions.execute(tx -> {
            Optional<Message> message = post.post(conversationId, text, citations, kind);
            message.ifPresent(m -> records.insert(new AnswerRecord(IDS.generate(), conversationId, question.id(), m.id(),
                    answer.kind(), language, asked, null,
                    answer.sources().stream().map(Passage::articleId).distinct().toList(), answer.confidence(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS))));
            return message;
        });
        ConversationStatus status = posted.isPresent() ? ConversationStatus.AI
                : conversations.summary(conversationId).map(s -> s.status()).orElse(ConversationStatus.AI);
        return new Reply(status, posted.stream().toList());
    }

    /** How sure the assistant is of an answer; not a number for replies that are no answer. */
    private static double confidenceOf(Answer answer) {
        return answer.kind().answered() ? answer.confidence() : Double.NaN;
    }

    private static List<String> articleIds(Answer answer) {
        return answer.sources().stream().map(Passage::articleId).distinct().toList();
    }

    private Reply handOver(UUID conversationId, Message question, Assessment assessment, String language) {
        var outcome = escalate.escalate(conversationId, question.id(), assessment, language);
        return new Reply(outcome.status(), outcome.notice().stream().toList());
    }

    /** The conversation as the escalation policy reads it: the customer's and the assistant's messages, with what each reply was. */
    private static List<Turn> transcript(ConversationDetails details, List<AnswerRecord> answered) {
        var outcomes = new java.util.HashMap<UUID, Turn.AiOutcome>();
        answered.forEach(record -> outcomes.put(record.replyMessageId(), switch (record.kind()) {
            case ANSWERED -> Turn.AiOutcome.ANSWERED;
            case CLARIFIED, SUGGESTED -> Turn.AiOutcome.CLARIFIED;
            case DONT_KNOW, NOT_IN_LANGUAGE -> Turn.AiOutcome.NOT_ANSWERED;
        }));
        List<Turn> turns = new ArrayList<>();
        for (Message message : details.messages()) {
            if (message.author() == dev.tandem.conversation.AuthorType.CUSTOMER) {
                turns.add(Turn.customer(message.text()));
            } else if (message.author() == dev.tandem.conversation.AuthorType.AI) {
                turns.add(Turn.ai(message.text(), outcomes.getOrDefault(message.id(), Turn.AiOutcome.UNKNOWN)));
            }
        }
        return turns;
    }

    /**
     * LLM mode: the model rewrites a found answer from the answering article's passages, and the
     * rewrite is used only if every sentence passes the grounding check; otherwise (and on any model
     * error or timeout) the quoted answer stands. Only answers are rewritten: whether to answer at
     * all stays the calibrated decision, so an LLM can make wording better but never a guess likelier.
     * The rewrite is streamed: its grounded sentences go to {@code soFar} as the model writes them.
     */
    private Answer inModelsWords(UUID conversationId, Answer answer, String question, Consumer<Answer> soFar) {
        if (!answer.kind().answered() || !llm.enabled() || answer.evidence().isEmpty()) {
            return answer;
        }
        List<Passage> evidence = answer.evidence();
        // a draft so far may cite nothing yet ("Here is how:"); its sources are then the quoted answer's
        Function<LlmAnswers.Draft, Answer> reworded = draft -> answer.reworded(draft.text(), draft.citedPassages()
            .isEmpty() ? answer.sources() : draft.citedPassages().stream().map(evidence::get).toList());
        return llm.stream(question, answer.language(), evidence, draft -> soFar.accept(reworded.apply(draft)),
                sentence -> output.checkSentence(conversationId, sentence, answer.language()).allowed())
            .map(reworded)
            .orElse(answer);
    }

    /** The assistant's message; before it is {@code complete}, what it says so far (the follow-up question comes last). */
    private static String wording(Answer answer, String disclosure, boolean complete) {
        Phrases phrases = Phrases.in(answer.language());
        List<String> parts = new ArrayList<>();
        if (disclosure != null) {
            parts.add(disclosure);
        }
        if (answer.kind().answered()) {
            String intro = answer.fromAnotherLanguage()
                    ? CrossingPhrases.in(answer.language()).answerIntroFromEnglish() : phrases.answerIntro();
            parts.add(String.format(intro, answer.sources().get(0).title()));
            parts.add(answer.text());
            if (complete) {
                parts.add(phrases.followUp());
            }
        } else {
            parts.add(answer.text());
        }
        return String.join("\n\n", parts);
    }

    /** The articles a reply of the assistant offered as choices: its citations. */
    private static List<Citation> offered(ConversationDetails details, AnswerRecord record) {
        return details.messages().stream()
            .filter(message -> message.id().equals(record.replyMessageId()))
            .findFirst()
            .map(Message::citations)
            .orElse(List.of());
    }

    private List<Citation> choices(Answer answer) {
        return answer.sources().stream()
            .map(source -> new Citation(source.articleId(), source.title(),
                    slugOf(source.articleId()).map(slug -> "/help/" + slug).orElse(null), null))
            .toList();
    }

    private List<Citation> citations(Answer answer) {
        Passage source = answer.sources().get(0);
        String url = slugOf(source.articleId()).map(slug -> "/help/" + slug).orElse(null);
        String snippet = answer.text().length() <= SNIPPET_LENGTH ? answer.text()
                : answer.text().substring(0, SNIPPET_LENGTH - 1).strip() + "…";
        return List.of(new Citation(source.articleId(), source.title(), url, snippet));
    }

    private Optional<String> slugOf(String articleId) {
        try {
            return articles.findById(UUID.fromString(articleId)).map(article -> article.slug());
        } catch (IllegalArgumentException notAStoredArticle) {
            return Optional.empty();
        }
    }
}
