package dev.tandem.guardrails;

import java.time.Instant;

/** An admin saved a new version of the output constitution; the audit log records it. */
public record ConstitutionSaved(Instant at, String by, int version, int rules) {
}
