package dev.tandem.conversation;

import java.util.function.UnaryOperator;

import dev.tandem.identity.CurrentUser;

/**
 * Masks in what the agent API shows the personal data the caller's role may not see (the guardrails' policy per role
 * and type of personal data). Without an implementation (a module test of this module alone) nothing is masked.
 */
public interface AgentRedaction {

    UnaryOperator<String> forViewer(CurrentUser viewer);
}
