package dev.tandem.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.identity.CurrentUser;
import dev.tandem.routing.AgentPresence;
import dev.tandem.routing.PresenceStatus;

/**
 * The presence switch in the sidebar (online, away, offline). The layout reads the current value
 * through {@code ${@workspacePresence.of(me)}}; changing it posts here and swaps the switch.
 */
@Controller
class PresenceControl {

    private final AgentPresence presence;

    PresenceControl(AgentPresence presence) {
        this.presence = presence;
    }

    @PostMapping("/presence")
    String set(CurrentUser me, @RequestParam PresenceStatus status, Model model) {
        model.addAttribute("presence", presence.set(me.id(), status).status());
        return "workspace/presence :: control";
    }

    /** For templates: {@code ${@workspacePresence.of(me)}}. */
    @org.springframework.stereotype.Component("workspacePresence")
    static class Reader {

        private final AgentPresence presence;

        Reader(AgentPresence presence) {
            this.presence = presence;
        }

        public PresenceStatus of(CurrentUser me) {
            return me == null ? PresenceStatus.OFFLINE : presence.of(me.id()).status();
        }
    }
}
