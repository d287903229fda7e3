package dev.tandem.privacy;

import java.util.function.UnaryOperator;

import dev.tandem.identity.CurrentUser;

/**
 * Masks in an export the personal data the person downloading it may not see (the guardrails' policy per role, for
 * example payment card numbers). Without an implementation exports are not masked.
 */
public interface ExportRedaction {

    UnaryOperator<String> forViewer(CurrentUser viewer);
}
