package dev.tandem.identity;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 of the JSON API as {@code application/problem+json}. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** The same fields Spring MVC writes for its own problem details, so clients see one shape. */
    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("status", status.value());
        problem.put("title", status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
