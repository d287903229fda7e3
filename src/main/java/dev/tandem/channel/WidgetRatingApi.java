package dev.tandem.channel;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.insight.RateConversation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** CSAT in the widget: the customer rates their resolved conversation, once. */
@RestController
@RequestMapping("/api/widget/conversations/{id}/rating")
@Tag(name = "Widget")
class WidgetRatingApi {

    private final ConversationTokens tokens;
    private final RateLimits limits;
    private final RateConversation ratings;

    WidgetRatingApi(ConversationTokens tokens, RateLimits limits, RateConversation ratings) {
        this.tokens = tokens;
        this.limits = limits;
        this.ratings = ratings;
    }

    record Rating(@Schema(description = "1 (very poor) to 5 (very good)") Integer rating,
            @Schema(description = "optional, at most 1000 characters") String comment) {
    }

    record Rated(int rating, String comment, Instant ratedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The customer rates the resolved conversation 1-5 with an optional comment",
            description = "Once per conversation (409 after), only once it was resolved (409 before); 400 for a "
                    + "rating outside 1-5 or a comment too long.")
    Rated rate(@PathVariable UUID id, @RequestHeader(name = WidgetApi.TOKEN_HEADER, required = false) String token,
            @RequestBody(required = false) Rating body, HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        tokens.check(id, token);
        limits.message(id);
        var rated = ratings.rate(id, body == null ? null : body.rating(), body == null ? null : body.comment(),
                RateConversation.Via.WIDGET);
        return new Rated(rated.rating(), rated.comment(), rated.ratedAt());
    }
}
