package dev.tandem.answering;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Which article answers a question the assistant did not answer: from the gaps page and from the conversation view. */
@RestController
@Tag(name = "Knowledge", description = "Articles, search and what the knowledge base lacks")
class LinkQuestionsApi {

    private final LinkQuestions links;

    private final dev.tandem.conversation.ConversationQueries conversations;

    LinkQuestionsApi(LinkQuestions links, dev.tandem.conversation.ConversationQueries conversations) {
        this.conversations = conversations;
        this.links = links;
    }

    record GapLinkJson(List<UUID> questionIds, UUID articleId) {
    }

    record MessageLinkJson(UUID messageId, UUID articleId) {
    }

    /** @param learned how many new wordings the article learned */
    record LinkedJson(int learned) {
    }

    @PostMapping("/api/knowledge/gaps/link")
    @Operation(summary = "Link a knowledge gap to the article that answers it (CURATOR or ADMIN)",
            description = "The article learns the gap's wordings (without customer details) and the gap is dismissed")
    LinkedJson linkGap(@RequestBody GapLinkJson body, Principal user) {
        if (body == null || body.questionIds() == null || body.questionIds().isEmpty() || body.articleId() == null) {
            throw invalid("Send {\"questionIds\": [...], \"articleId\": \"...\"}: the gap's questionIds as listed.");
        }
        return new LinkedJson(links.linkGap(body.questionIds(), body.articleId(), user.getName()));
    }

    @PostMapping("/api/conversations/{id}/answered-by")
    @Operation(summary = "Say which article answers a customer's question in this conversation (agents)",
            description = "The article learns the question (without customer details) and answers it from then on")
    LinkedJson linkMessage(@PathVariable UUID id, @RequestBody MessageLinkJson body, dev.tandem.identity.CurrentUser user) {
        // an agent teaches from the conversations they may see: their teams' (404 or 403 otherwise, as for reading it)
        conversations.details(user, id);
        if (body == null || body.messageId() == null || body.articleId() == null) {
            throw invalid("Send {\"messageId\": \"...\", \"articleId\": \"...\"}: a customer message and an article.");
        }
        return new LinkedJson(links.linkMessage(id, body.messageId(), body.articleId(), user.username()) ? 1 : 0);
    }

    private static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
