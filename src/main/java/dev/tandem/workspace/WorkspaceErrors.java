package dev.tandem.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the use cases (409 "Already assigned to Bob", 403, 404...) shown to the agent: as a
 * toast for htmx requests, answered with 200 because htmx does not swap error responses, and
 * the header is re-read so that the page shows what changed; as a page of its own otherwise.
 * Ordered before the JSON API's problem handler, which would answer problem+json.
 */
@ControllerAdvice(basePackageClasses = WorkspaceErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceErrors {

    @ExceptionHandler(ErrorResponseException.class)
    String refused(ErrorResponseException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        String detail = e.getBody().getDetail();
        return show(e.getStatusCode(), detail != null ? detail : "That did not work.", request, response, model);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return show(HttpStatus.NOT_FOUND, "There is nothing at this address.", request, response, model);
    }

    private static String show(HttpStatusCode status, String detail, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        model.addAttribute("message", detail);
        if (Htmx.isHtmx(request)) {
            response.setStatus(HttpServletResponse.SC_OK);
            Htmx.toToasts(response);
            Htmx.trigger(response, ConversationActions.REFRESH);
            model.addAttribute("kind", "error");
            return "fragments :: toast";
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", status.value() == 404 ? "Not found"
                : status.value() == 403 ? "Not allowed" : status.value() == 409 ? "Something changed" : "That did not work");
        model.addAttribute("explanation", status.value() == 404
                ? "This conversation does not exist, or it belongs to a team you are not in."
                : null);
        return "workspace/error";
    }
}
