package dev.tandem.workspace;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.conversation.AssignConversation;
import dev.tandem.conversation.PostAgentMessage;
import dev.tandem.conversation.ReopenConversation;
import dev.tandem.conversation.ResolveConversation;
import dev.tandem.conversation.TransferConversation;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;

/**
 * What an agent does to a conversation from the workspace. htmx requests get an empty answer (or
 * a toast) and events that make the page re-read its header and timeline; plain form posts are
 * redirected back to the conversation.
 */
@Controller
class ConversationActions {

    static final String REFRESH = "refresh-header";
    static final String NEW_MESSAGES = "refresh-timeline";

    private final AssignConversation assign;
    private final PostAgentMessage post;
    private final TransferConversation transfer;
    private final ResolveConversation resolve;
    private final ReopenConversation reopen;
    private final UserDirectory directory;

    ConversationActions(AssignConversation assign, PostAgentMessage post, TransferConversation transfer,
            ResolveConversation resolve, ReopenConversation reopen, UserDirectory directory) {
        this.assign = assign;
        this.post = post;
        this.transfer = transfer;
        this.resolve = resolve;
        this.reopen = reopen;
        this.directory = directory;
    }

    @PostMapping("/conversations/{id}/messages")
    String reply(CurrentUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean internal, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        post.post(me, id, text, internal);
        return done(id, null, request, response, model, redirect, "reply-sent");
    }

    @PostMapping("/conversations/{id}/assign")
    String assign(CurrentUser me, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        assign.assignToSelf(me, id);
        return done(id, "You have this conversation now.", request, response, model, redirect);
    }

    @PostMapping("/conversations/{id}/resolve")
    String resolve(CurrentUser me, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        resolve.resolve(me, id);
        return done(id, "Resolved. It reopens if the customer writes again.", request, response, model, redirect);
    }

    @PostMapping("/conversations/{id}/reopen")
    String reopen(CurrentUser me, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        reopen.reopen(me, id);
        return done(id, "Reopened and assigned to you.", request, response, model, redirect);
    }

    @PostMapping("/conversations/{id}/transfer")
    String transfer(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) String toTeamId,
            @RequestParam(required = false) String toAgentId, @RequestParam(required = false) String note,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UUID team = uuidOrNull(toTeamId);
        UUID agent = uuidOrNull(toAgentId);
        var moved = transfer.transfer(me, id, new TransferConversation.Command(agent, team, note));
        String target = agent != null ? directory.user(agent).map(u -> u.displayName()).orElse("the agent")
                : "the " + directory.team(moved.teamId()).map(t -> t.name()).orElse("team") + " queue";
        return done(id, "Transferred to " + target + ".", request, response, model, redirect, "transfer-done");
    }

    private String done(UUID id, String message, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect, String... events) {
        if (!Htmx.isHtmx(request)) {
            if (message != null) {
                redirect.addFlashAttribute("flashInfo", message);
            }
            return "redirect:/conversations/" + id;
        }
        String[] all = new String[events.length + 2];
        all[0] = REFRESH;
        all[1] = NEW_MESSAGES;
        System.arraycopy(events, 0, all, 2, events.length);
        Htmx.trigger(response, all);
        if (message == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        Htmx.toToasts(response);
        model.addAttribute("kind", "success");
        model.addAttribute("message", message);
        return "fragments :: toast";
    }

    private static UUID uuidOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        }
        catch (IllegalArgumentException e) {
            throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(
                            org.springframework.http.HttpStatus.BAD_REQUEST, "Choose a team or an agent from the list."),
                    null);
        }
    }
}
