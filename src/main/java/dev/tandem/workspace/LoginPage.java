package dev.tandem.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security itself handles the POST. */
@Controller
class LoginPage {

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
            Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/inbox";
        }
        forgetFragmentRequests(request, response);
        if (request.getParameter("error") != null) {
            model.addAttribute("error", failure(request.getSession(false)));
        }
        else if (request.getParameter("logout") != null) {
            model.addAttribute("info", "You are signed out.");
        }
        else if (request.getParameter("expired") != null) {
            model.addAttribute("info", "Your session ended. Sign in again to continue.");
        }
        return "login";
    }

    /**
     * When a session ends, the page's next htmx or event-stream request is what Spring Security
     * remembers to return to after sign-in; that would land the agent on a bare fragment. Such a
     * request is forgotten, so that the sign-in leads to the inbox instead.
     */
    private void forgetFragmentRequests(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved == null) {
            return;
        }
        boolean fragment = !saved.getHeaderValues("HX-Request").isEmpty()
                || saved.getHeaderValues("Accept").stream().anyMatch(a -> a.contains("text/event-stream"));
        if (fragment) {
            requestCache.removeRequest(request, response);
        }
    }

    private static String failure(HttpSession session) {
        Object exception = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (exception instanceof LockedException locked && locked.getMessage() != null) {
            return locked.getMessage();
        }
        if (exception instanceof DisabledException) {
            return "This account is disabled. Ask an administrator to enable it.";
        }
        return "Wrong user name or password.";
    }
}
