package dev.tandem.insight.dashboard;

import java.nio.charset.StandardCharsets;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The dashboards over HTTP (the workspace page reads the same view through its own session-authenticated path). */
@RestController
@RequestMapping("/api/insight/dashboard")
@Tag(name = "Insight", description = "Outcomes, CSAT, the resolution ledger and the dashboards")
class DashboardApi {

    private final Dashboards dashboards;
    private final RebuildRollups rebuild;

    DashboardApi(Dashboards dashboards, RebuildRollups rebuild) {
        this.dashboards = dashboards;
        this.rebuild = rebuild;
    }

    @GetMapping
    @Operation(summary = "The dashboard for a period (`from`, `to`: days, UTC, default the last 30) and optionally a "
            + "`channel`, `language`, `team` and `agent` (an id, `none`, or `me`): figures, daily series, time to relief "
            + "and CSAT distributions, per team, per agent, escalation reasons, knowledge gaps. Supervisors and admins "
            + "see everything; an agent only `agent=me`")
    Dashboards.View dashboard(CurrentUser user, @ParameterObject DashboardQuery query) {
        return dashboards.view(dashboards.filter(user, query));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The same dashboard as CSV: the totals, one line per day, team and agent, the escalation "
            + "reasons and the knowledge-gap topics")
    ResponseEntity<String> csv(CurrentUser user, @ParameterObject DashboardQuery query) {
        return csvResponse(dashboards, dashboards.view(dashboards.filter(user, query)));
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recomputes the dashboards' rollups from the outcome rows, escalation reasons and unanswered "
            + "questions (admin); readers see the old figures until the new ones are complete")
    RebuildRollups.Rebuilt rebuild(CurrentUser user) {
        return rebuild.rebuild(user);
    }

    static ResponseEntity<String> csvResponse(Dashboards dashboards, Dashboards.View view) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dashboard-" + view.filter().from() + "-"
                    + view.filter().to() + ".csv\"")
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(dashboards.csv(view));
    }
}
