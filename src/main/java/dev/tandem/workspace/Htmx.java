package dev.tandem.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The htmx request and response headers the workspace uses. */
final class Htmx {

    private Htmx() {
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Client-side events to fire once the response arrived (comma-separated names). */
    static void trigger(HttpServletResponse response, String... events) {
        response.setHeader("HX-Trigger", String.join(", ", events));
    }

    /** Shows the response body as a toast instead of swapping it where the request asked. */
    static void toToasts(HttpServletResponse response) {
        response.setHeader("HX-Retarget", "#toasts");
        response.setHeader("HX-Reswap", "beforeend");
    }
}
