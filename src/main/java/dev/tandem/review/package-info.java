/**
 * The human review gate: AI replies that policy says a person must see before the customer does (a rule of
 * the output constitution with action REVIEW, a sensitive topic, low confidence, a recently changed article,
 * or the "supervised" roll-out mode), held in a queue until a reviewer approves, edits or rejects them. It
 * lives beside {@code approvals} rather than in it: an approval is a yes/no on an action its owner then
 * carries out, whereas a review edits a text, posts it itself (exactly once), keeps the edit as feedback and
 * hands the conversation over on a rejection.
 */
package dev.tandem.review;
