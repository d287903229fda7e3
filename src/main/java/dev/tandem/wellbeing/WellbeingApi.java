package dev.tandem.wellbeing;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.identity.CurrentUser;

/** Wellbeing over the API: for support, not evaluation; nothing here ranks agents. */
@Tag(name = "Wellbeing", description = "Agents' workload and difficult contacts, breaks and supervisor alerts")
@RestController
class WellbeingApi {

    private final ViewWellbeing view;
    private final Breaks breaks;
    private final SupervisorAlerts alerts;

    WellbeingApi(ViewWellbeing view, Breaks breaks, SupervisorAlerts alerts) {
        this.view = view;
        this.breaks = breaks;
        this.alerts = alerts;
    }

    @Operation(summary = "Your own figures per rolling window and every intervention with its reason")
    @GetMapping("/api/wellbeing/me")
    AgentWellbeing mine(CurrentUser me) {
        return view.mine(me);
    }

    @Operation(summary = "One agent's figures: the agent themselves, the supervisors of their teams and admins")
    @GetMapping("/api/wellbeing/agents/{id}")
    AgentWellbeing agent(@PathVariable UUID id, CurrentUser me) {
        return view.of(me, id);
    }

    @Operation(summary = "The figures of the agents you oversee, by name (supervisors and admins)")
    @GetMapping("/api/wellbeing/team")
    List<AgentWellbeing> team(CurrentUser me) {
        return view.team(me);
    }

    @Operation(summary = "Take a suggested break: no new conversations are assigned to you automatically until it ends")
    @PostMapping("/api/wellbeing/breaks/{id}/take")
    Intervention take(@PathVariable UUID id, CurrentUser me) {
        return breaks.take(me, id);
    }

    @Operation(summary = "Dismiss a suggested break")
    @PostMapping("/api/wellbeing/breaks/{id}/dismiss")
    Intervention dismiss(@PathVariable UUID id, CurrentUser me) {
        return breaks.dismiss(me, id);
    }

    @Operation(summary = "End your break early: automatic assignments resume")
    @PostMapping("/api/wellbeing/breaks/end")
    Intervention endBreak(CurrentUser me) {
        return breaks.endEarly(me);
    }

    @Operation(summary = "Open alerts about the agents you oversee (supervisors and admins)")
    @GetMapping("/api/wellbeing/alerts")
    List<Intervention> openAlerts(CurrentUser me) {
        if (!view.overseesOthers(me)) {
            throw WellbeingProblems.forbidden("Wellbeing alerts are for supervisors and admins.");
        }
        return alerts.open(me);
    }

    @Operation(summary = "Acknowledge an alert about an agent you oversee")
    @PostMapping("/api/wellbeing/alerts/{id}/acknowledge")
    Intervention acknowledge(@PathVariable UUID id, CurrentUser me) {
        return alerts.acknowledge(me, id);
    }
}
