/**
 * Insight: what happened in conversations, after the fact. The conversation summaries (reason for contact, key
 * details, actions taken, outcome, follow-ups) made on handoff and on resolution, stored versioned and editable by
 * the agent; the outcome of every conversation (AI- or human-resolved, abandoned, reopened, with first response,
 * time to relief, repeated facts after a handoff, repeat contact and CSAT), judged at conversation-level events and
 * by a once-per-cluster sweep, never per message; and the append-only resolution ledger of verified AI
 * resolutions, counted under a versioned definition and reversed by late evidence; the supervisors' dashboards
 * (sub-package {@code dashboard}), read from daily rollups that these events keep. Topics grow here.
 */
package dev.tandem.insight;
