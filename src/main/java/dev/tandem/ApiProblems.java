package dev.tandem;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error of the JSON API into {@code application/problem+json}: Spring MVC's own
 * exceptions (malformed JSON, validation, unknown paths) through the inherited handlers, the
 * modules' {@code ErrorResponseException}s likewise, and whatever else escaped into a 500
 * without internals while the cause goes to the log.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** The value the client sent, quoted, when Jackson kept it (e.g. an unknown enum constant). */
    private static String rejected(DatabindException mismatch) {
        if (mismatch instanceof tools.jackson.databind.exc.InvalidFormatException invalid && invalid.getValue() != null) {
            String value = String.valueOf(invalid.getValue());
            return "'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "' ";
        }
        return mismatch instanceof tools.jackson.databind.exc.InvalidNullException ? "null " : "";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON of the expected shape";
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof DatabindException mismatch) {
            // Jackson's own message names Java types (`dev.tandem...$NewMessage`); say where instead
            detail += mismatch.getPath().isEmpty() ? ": expected a JSON object with the documented fields."
                    : ": the value " + rejected(mismatch) + "at " + describe(mismatch) + " has the wrong type or format.";
        }
        else if (cause instanceof JacksonException malformed && malformed.getOriginalMessage() != null) {
            String reason = malformed.getOriginalMessage().lines().findFirst().orElse("")
                .replaceAll("\\s*\\(start marker at \\[Source:.*$", "").replaceAll("\\s*\\[Source:.*$", "").trim();
            var at = malformed.getLocation();
            detail += ": " + reason + (at != null && at.getLineNr() > 0
                    ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "");
        }
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** The JSON path of the offending value, such as {@code customer.email}. */
    private static String describe(DatabindException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : "'" + path + "'";
    }

    /** Spring's own detail shows a repeated parameter as a Java array's identity; say what is expected instead. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        Object value = e.getValue();
        String given = value instanceof Object[] values
                ? java.util.Arrays.stream(values).map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
                : String.valueOf(value);
        Class<?> type = e.getRequiredType();
        if (e instanceof MethodArgumentTypeMismatchException argument) {
            var collection = ResolvableType.forMethodParameter(argument.getParameter()).asCollection();
            if (collection != ResolvableType.NONE) {
                type = collection.resolveGeneric(0);
            }
        }
        String expected = type == null ? "" : type.isEnum()
                ? ": use " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "))
                : type == java.util.UUID.class ? ": expected a UUID"
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? ": expected a number" : "";
        String detail = "Invalid value '" + (given.length() > 100 ? given.substring(0, 100) + "…" : given) + "' for '"
                + name + "'" + expected + ".";
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
            .map(error -> error.getField() + " " + error.getDefaultMessage())
            .collect(java.util.stream.Collectors.joining("; "));
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "The request is invalid." : detail);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Nothing here: " + e.getHttpMethod() + " /" + e.getResourcePath() + ". See /v3/api-docs for the API.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        log.info("Rejected a write that conflicts with existing data: {}", e.getMostSpecificCause().getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The request conflicts with data that already exists or was changed at the same time.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this action.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        log.error("Unexpected error while handling {} {}", request.getMethod(), request.getRequestURI(), e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. The error was logged and nothing was half-saved.");
    }
}
