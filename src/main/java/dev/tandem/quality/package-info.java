/**
 * Automated quality review of every conversation against a versioned rubric, with the evidence in the
 * conversation's own words; calibration against supervisors' blind reviews; coaching for each agent; the
 * {@code eval quality} command. Reads conversations after they are resolved, never on the message path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
package dev.tandem.quality;
