package dev.tandem.workspace;

import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.identity.CurrentUser;
import dev.tandem.routing.AgentPresence;
import dev.tandem.routing.PresenceStatus;
import dev.tandem.routing.RoutingProperties;

/**
 * The presence switch in the sidebar (online, away, offline). The layout reads the current value
 * through {@code ${@workspacePresence.of(me)}}; changing it posts here and swaps the switch. After a
 * reconnect the page re-reads it, since the presence timeout may have taken the agent offline while
 * the laptop was closed; then it offers their status back rather than restoring it unasked (they may
 * only be glancing at the workspace from home).
 */
@Controller
class PresenceControl {

    private static final String FRAGMENT = "workspace/presence :: control";

    private final AgentPresence presence;

    PresenceControl(AgentPresence presence) {
        this.presence = presence;
    }

    @GetMapping("/presence")
    String show(CurrentUser me, Model model) {
        model.addAttribute("presence", presence.of(me.id()));
        return FRAGMENT;
    }

    @PostMapping("/presence")
    String set(CurrentUser me, @RequestParam PresenceStatus status, Model model) {
        model.addAttribute("presence", presence.set(me.id(), status));
        return FRAGMENT;
    }

    /** For templates: {@code ${@workspacePresence.of(me)}}. */
    @org.springframework.stereotype.Component("workspacePresence")
    static class Reader {

        private final AgentPresence presence;
        private final Duration offlineAfter;

        Reader(AgentPresence presence, RoutingProperties routing) {
            this.presence = presence;
            this.offlineAfter = routing.presence().offlineAfter();
        }

        public AgentPresence.Presence of(CurrentUser me) {
            return me == null ? new AgentPresence.Presence(null, PresenceStatus.OFFLINE, null,
                    AgentPresence.ChangedBy.AGENT, null, null) : presence.of(me.id());
        }

        /** "2 minutes", "90 seconds": how long without a page open before the timeout. */
        public String offlineAfter() {
            long seconds = offlineAfter.toSeconds();
            if (seconds % 60 == 0) {
                long minutes = seconds / 60;
                return minutes == 1 ? "1 minute" : minutes + " minutes";
            }
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
    }
}
