/**
 * Things the AI may do only once a person says yes: a queue of approval requests, each named by its
 * owner's {@code kind} and {@code reference}, decided once by a supervisor in the workspace or over the
 * API. The owner learns the decision from {@link dev.tandem.approvals.ApprovalDecided} and acts on it.
 * Procedures use it for actions over a limit (kind {@code procedure-action}); the review gate can hold AI
 * replies the same way with a kind of its own.
 */
package dev.tandem.approvals;
