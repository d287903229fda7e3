package dev.tandem.insight.dashboard;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;
import dev.tandem.identity.UserDirectory;

/**
 * The dashboards in the workspace: the filters and tables drawn by the server, the charts by ECharts (served from its
 * webjar) from the same view read as JSON by the page's script.
 */
@Controller
class DashboardPage {

    private final Dashboards dashboards;
    private final UserDirectory directory;

    DashboardPage(Dashboards dashboards, UserDirectory directory) {
        this.dashboards = dashboards;
        this.directory = directory;
    }

    @GetMapping("/insight/dashboard")
    String show(CurrentUser user, DashboardQuery query, Model model) {
        boolean overseer = user.hasRole(Role.ADMIN) || user.hasRole(Role.SUPERVISOR);
        // an agent lands on their own figures rather than on a refusal
        var asked = overseer || query.agent() != null ? query : query.withAgent("me");
        var view = dashboards.view(dashboards.filter(user, asked));
        model.addAttribute("view", view);
        model.addAttribute("overseer", overseer);
        model.addAttribute("teams", overseer ? directory.teams() : java.util.List.of());
        model.addAttribute("agents", overseer ? directory.agents() : java.util.List.of());
        model.addAttribute("query", query(view.filter()));
        return "insight/dashboard";
    }

    @GetMapping("/insight/dashboard/data")
    @ResponseBody
    Dashboards.View data(CurrentUser user, DashboardQuery query) {
        return dashboards.view(dashboards.filter(user, query));
    }

    @GetMapping(value = "/insight/dashboard/export.csv", produces = "text/csv")
    ResponseEntity<String> csv(CurrentUser user, DashboardQuery query) {
        return DashboardApi.csvResponse(dashboards,
                dashboards.view(dashboards.filter(user, query)));
    }

    /** The applied filter as a query string, for the data and export links. */
    static String query(Dashboards.Applied f) {
        var q = org.springframework.web.util.UriComponentsBuilder.newInstance().queryParam("from", f.from())
            .queryParam("to", f.to());
        if (f.channel() != null) {
            q.queryParam("channel", f.channel());
        }
        if (f.language() != null) {
            q.queryParam("language", f.language());
        }
        if (f.team() != null) {
            q.queryParam("team", Contribution.NONE.equals(f.team()) ? "none" : f.team());
        }
        if (f.agent() != null) {
            q.queryParam("agent", Contribution.NONE.equals(f.agent()) ? "none" : f.agent());
        }
        return q.encode().build().toUriString();
    }
}
