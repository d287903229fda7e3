package dev.tandem.quality;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.CurrentUser;

/**
 * Quality scores, coaching, disputes and calibration over the API. Individual scores: the agent, their supervisor
 * and admins ({@link ScoreVisibility}); the team's figures: everyone on the support team, as aggregates.
 */
@RestController
@RequestMapping("/api/quality")
@Tag(name = "Quality", description = "Scores of resolved conversations against the rubric, coaching, disputes and calibration")
class QualityApi {

    record ScoreView(UUID conversationId, UUID agentId, int rubricVersion, String judge, Double score, String language,
            java.time.Instant resolvedAt, java.time.Instant scoredAt, List<ScoreStore.StoredVerdict> verdicts,
            List<Disputes.Dispute> disputes) {
    }

    record NewDispute(String item, String reason) {
    }

    record NewNote(String item, String text) {
    }

    record Review(Map<String, Boolean> labels) {
    }

    record ReviewTask(UUID conversationId, int rubricVersion, List<Rubric.Item> items, List<Transcript.Line> messages) {
    }

    record CalibrationView(List<Calibration.ItemAgreement> items, List<Calibration.Week> history) {
    }

    private final ScoreStore scores;
    private final ScoreVisibility visibility;
    private final Coaching coaching;
    private final Disputes disputes;
    private final Calibration calibration;
    private final RubricVersions rubrics;
    private final ConversationQueries conversations;

    QualityApi(ScoreStore scores, ScoreVisibility visibility, Coaching coaching, Disputes disputes, Calibration calibration,
            RubricVersions rubrics, ConversationQueries conversations) {
        this.scores = scores;
        this.visibility = visibility;
        this.coaching = coaching;
        this.disputes = disputes;
        this.calibration = calibration;
        this.rubrics = rubrics;
        this.conversations = conversations;
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "A resolved conversation's score: every item's verdict with the message and words it rests on")
    ScoreView score(@PathVariable UUID id, CurrentUser user) {
        ScoreStore.Score score = scores.find(id).orElseThrow(() -> QualityProblems.notFound(
                "Conversation " + id + " has no quality score (yet): conversations are scored shortly after they are resolved."));
        visibility.check(user, score.agentId());
        return new ScoreView(score.conversationId(), score.agentId(), score.rubricVersion(), score.judge(), score.score(),
                score.language(), score.resolvedAt(), score.scoredAt(), score.verdicts(), disputes.ofConversation(id));
    }

    @PostMapping("/conversations/{id}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Dispute one verdict on your own conversation; it goes to calibration")
    Disputes.Dispute dispute(@PathVariable UUID id, @RequestBody NewDispute body, CurrentUser user) {
        if (body == null) {
            throw QualityProblems.invalid("Send {\"item\": \"…\", \"reason\": \"…\"}.");
        }
        return disputes.open(user, id, body.item(), body.reason());
    }

    @GetMapping("/agents/me")
    @Operation(summary = "Your own coaching report")
    Coaching.Report mine(CurrentUser user) {
        return coaching.of(user.id());
    }

    @GetMapping("/agents/{agentId}")
    @Operation(summary = "An agent's coaching report: trends per item, strengths, one focus, examples, notes, disputes")
    Coaching.Report agent(@PathVariable UUID agentId, CurrentUser user) {
        visibility.check(user, agentId);
        return coaching.of(agentId);
    }

    @PostMapping("/agents/{agentId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a coaching note for an agent (supervisors and admins)")
    Coaching.Note note(@PathVariable UUID agentId, @RequestBody NewNote body, CurrentUser user) {
        visibility.check(user, agentId);
        if (body == null) {
            throw QualityProblems.invalid("Send {\"text\": \"…\", \"item\": optional rubric item}.");
        }
        return coaching.addNote(user, agentId, body.item(), body.text());
    }

    @GetMapping("/team")
    @Operation(summary = "The team's figures per item over the last 30 days, as aggregates (no individual scores)")
    List<Coaching.TeamItem> team() {
        return coaching.team();
    }

    @GetMapping("/calibration")
    @Operation(summary = "Agreement of the automatic verdicts with supervisors' reviews, per item and per week")
    CalibrationView agreement(CurrentUser user) {
        supervisor(user);
        return new CalibrationView(calibration.agreement(), calibration.history());
    }

    @GetMapping("/calibration/queue")
    @Operation(summary = "Conversations waiting for your blind review (disputes first, then the sample)")
    List<Calibration.Pending> queue(CurrentUser user) {
        supervisor(user);
        return calibration.queue(user, 50);
    }

    @GetMapping("/calibration/{conversationId}")
    @Operation(summary = "A conversation to review: its messages and the rubric, without the automatic verdicts")
    ReviewTask task(@PathVariable UUID conversationId, CurrentUser user) {
        supervisor(user);
        ScoreStore.Score score = scores.find(conversationId)
            .orElseThrow(() -> QualityProblems.notFound("Conversation " + conversationId + " has no quality score to review."));
        Rubric rubric = rubrics.version(score.rubricVersion()).orElse(rubrics.active());
        var details = conversations.whole(conversationId)
            .orElseThrow(() -> QualityProblems.notFound("Conversation " + conversationId + " no longer exists."));
        return new ReviewTask(conversationId, rubric.version(), rubric.items(), Transcript.of(details).lines());
    }

    @PostMapping("/calibration/{conversationId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save your verdicts; the answer compares them with the automatic ones")
    List<Calibration.Comparison> review(@PathVariable UUID conversationId, @RequestBody Review body, CurrentUser user) {
        supervisor(user);
        return calibration.review(user, conversationId, body == null ? null : body.labels());
    }

    private static void supervisor(CurrentUser user) {
        if (!ScoreVisibility.supervises(user)) {
            throw QualityProblems.forbidden("Calibration is for supervisors and admins.");
        }
    }
}
