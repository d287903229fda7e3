package dev.tandem.workspace;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.tandem.conversation.ConversationFilter;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.guardrails.AgentView;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;
import dev.tandem.routing.SlaBreaches;

/**
 * The inbox: one list per view with live counts. The whole page on first load, the list (with
 * the tabs swapped out of band) when the live stream says something changed.
 */
@Controller
class InboxPage {

    static final int PAGE_SIZE = 100;

    private final ConversationQueries queries;
    private final UserDirectory directory;
    private final SlaBreaches breaches;

    private final AgentView agentView;

    InboxPage(ConversationQueries queries, UserDirectory directory, SlaBreaches breaches, AgentView agentView) {
        this.queries = queries;
        this.directory = directory;
        this.breaches = breaches;
        this.agentView = agentView;
    }

    /** The supervisors' banner of customers waiting past their first-response target. */
    @GetMapping("/inbox/alerts")
    String alerts(CurrentUser me, Model model) {
        fillAlerts(me, model);
        return "workspace/inbox :: alerts";
    }

    private void fillAlerts(CurrentUser me, Model model) {
        List<SlaBreaches.Breach> open = me.seesAllTeams() ? breaches.unanswered() : List.of();
        var names = new java.util.HashMap<java.util.UUID, String>();
        open.stream().limit(5).forEach(b -> names.put(b.conversationId(), queries.summary(b.conversationId())
            .map(c -> c.customer().displayName()).orElse("a customer")));
        model.addAttribute("breaches", open);
        model.addAttribute("breachNames", names);
    }

    record Tab(InboxView view, long count) {
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }

    @GetMapping("/inbox")
    String inbox(CurrentUser me, @RequestParam(defaultValue = "queued") String view, Model model) {
        fill(me, InboxView.of(view), model);
        return "workspace/inbox";
    }

    @GetMapping("/inbox/list")
    String list(CurrentUser me, @RequestParam(defaultValue = "queued") String view, Model model) {
        fill(me, InboxView.of(view), model);
        return "workspace/inbox :: list-update";
    }

    /** The number next to "Inbox" in the sidebar: conversations waiting for a person. */
    @GetMapping(path = "/inbox/badge", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String badge(CurrentUser me) {
        long queued = queries.count(me, ConversationFilter.withStatus(ConversationStatus.QUEUED));
        return queued == 0 ? "" : queued > 99 ? "99+" : Long.toString(queued);
    }

    private void fill(CurrentUser me, InboxView view, Model model) {
        People people = People.load(directory);
        List<Tab> tabs = Arrays.stream(InboxView.values())
            .map(v -> new Tab(v, queries.count(me, v.filter(me))))
            .toList();
        var shown = agentView.maskFor(me);
        List<InboxRow> rows = queries.list(me, view.filter(me), PAGE_SIZE, 0).stream()
            .map(c -> InboxRow.of(c, people, me, shown))
            .toList();
        long total = tabs.stream().filter(t -> t.view() == view).mapToLong(Tab::count).findFirst().orElse(rows.size());
        fillAlerts(me, model);
        model.addAttribute("view", view);
        model.addAttribute("tabs", tabs);
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("queuedCount", tabs.get(InboxView.QUEUED.ordinal()).count());
        model.addAttribute("me", me);
        model.addAttribute("seesAllTeams", me.seesAllTeams());
        model.addAttribute("teamNames", me.teamIds().stream().map(people::teamName).sorted().toList());
    }
}
