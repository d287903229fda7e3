package dev.tandem.identity;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** A user revoking one of their own tokens: someone else's token is "not found", so ids reveal nothing. */
@Component
class MyTokens {

    private final ApiTokens tokens;

    MyTokens(ApiTokens tokens) {
        this.tokens = tokens;
    }

    void revoke(CurrentUser me, UUID tokenId) {
        tokens.find(tokenId).filter(token -> token.userId().equals(me.id()))
            .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "You have no API token with id " + tokenId + "."),
                    null));
        tokens.revoke(tokenId, me.username());
    }
}
