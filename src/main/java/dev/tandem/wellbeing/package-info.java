/**
 * Wellbeing: per agent, workload (conversations at once, time online, handle time) and exposure to difficult
 * contacts (abuse the guardrails found, frustrated and vulnerable customers) over rolling windows, learnt after
 * the fact from conversation-level events, never from each message; interventions with their reason in words: a
 * suggested break after a run of difficult contacts, fewer difficult conversations routed to an agent who just had
 * many (routing asks {@link dev.tandem.routing.AssignmentAdvice}, answered from memory), an alert to their
 * supervisors. Agents see their own figures, supervisors their teams'; nothing here ranks agents.
 */
package dev.tandem.wellbeing;
