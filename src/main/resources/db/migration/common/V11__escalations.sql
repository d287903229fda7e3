-- Every time the AI assistant handed a conversation to a person, and why: the policy's findings as a
-- JSON array of {reason, rule, says, priority, evidence}, written once and always read whole (the
-- handoff packet, the escalation report), never queried inside.
create table escalation (
    id              uuid primary key,
    conversation_id uuid not null,
    message_id      uuid,
    priority        varchar(10) not null,
    reasons         varchar(8000) not null,
    summary         varchar(2000) not null,
    language        varchar(8),
    created_at      timestamp with time zone not null
);
create index escalation_by_conversation on escalation (conversation_id, created_at);
