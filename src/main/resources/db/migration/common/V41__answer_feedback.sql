-- The customer's "Did this answer your question?" under an AI answer: one row per answer (the reply
-- message); a second click changes it. Kept for the outcome figures (share of answers that helped).
create table ai_answer_feedback (
    reply_message_id  uuid primary key,
    conversation_id   uuid not null,
    helpful           boolean not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null
);
create index ai_answer_feedback_by_conversation on ai_answer_feedback (conversation_id);
