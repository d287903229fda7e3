/**
 * Help for the human agent (issue 14): the live assist panel beside a handed-over conversation
 * (knowledge passages, suggested replies, next steps, the customer's context), macros, and the feedback
 * on every suggestion that ranks future ones. Public API: {@link dev.tandem.assist.AssistUpdated} and
 * {@link dev.tandem.assist.AssistEvaluation}.
 */
package dev.tandem.assist;
