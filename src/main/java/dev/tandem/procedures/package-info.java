/**
 * Routine requests done end to end: declarative procedures (YAML) that the assistant runs when a
 * customer's message triggers one, asking for and checking values, verifying identity, calling the
 * company's systems through an HTTP connector, branching on what they answer, holding actions over a
 * limit for a person's approval, and handing over with everything it asked, verified and did when it
 * cannot finish. {@link dev.tandem.procedures.RunProcedures} is the assistant's entry point.
 */
package dev.tandem.procedures;
