package dev.tandem.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 of the JSON API as {@code application/problem+json}. */
final class ProblemResponses {

    /** With Spring's mix-in, as MVC writes problems: no {@code "type": null}, no {@code "properties"} wrapper. */
    private static final JsonMapper JSON = JsonMapper.builder()
        .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
        .build();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(String wwwAuthenticate) {
        return (request, response, e) -> {
            if (wwwAuthenticate != null) {
                response.setHeader("WWW-Authenticate", wwwAuthenticate);
            }
            String detail = e instanceof org.springframework.security.authentication.LockedException ? e.getMessage()
                    : "Sign in with HTTP Basic (user name and password) or an API token (Authorization: Bearer tdm_...).";
            write(request, response, HttpStatus.UNAUTHORIZED, detail);
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN,
                "Your role does not allow this action.");
    }

    /**
     * A request the firewall refuses (an encoded "..", a NUL, a blocked header) gets a problem like every other
     * error, not the error page's JSON; its address is not echoed, since it may be anything.
     */
    static org.springframework.security.web.firewall.RequestRejectedHandler rejected() {
        return (request, response, e) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request was rejected: its address or headers are not allowed.");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JSON.writeValue(response.getOutputStream(), problem);
        };
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
