/**
 * Insight: what happened in conversations, after the fact. For now the conversation summaries (reason for
 * contact, key details, actions taken, outcome, follow-ups) made on handoff and on resolution, stored versioned
 * and editable by the agent; the outcome records and topics of later issues grow here.
 */
package dev.tandem.insight;
