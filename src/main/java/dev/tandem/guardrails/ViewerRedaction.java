package dev.tandem.guardrails;

import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.tandem.conversation.AgentRedaction;
import dev.tandem.identity.CurrentUser;
import dev.tandem.privacy.ExportRedaction;

/**
 * The policy per role ({@code tandem.guardrails.personal-data.hidden-from}) for the agent API, the handoff packet and
 * exports, the same as the workspace pages apply through {@link AgentView}.
 */
@Component
class ViewerRedaction implements AgentRedaction, ExportRedaction {

    private final AgentView view;

    ViewerRedaction(AgentView view) {
        this.view = view;
    }

    @Override
    public UnaryOperator<String> forViewer(CurrentUser viewer) {
        return view.maskFor(viewer);
    }
}
