package dev.tandem.insight;

import java.time.Instant;

/** An admin saved a new version of the definition of a billable AI resolution; the audit log records it. */
public record ResolutionDefinitionSaved(Instant at, String by, int version, String window) {
}
