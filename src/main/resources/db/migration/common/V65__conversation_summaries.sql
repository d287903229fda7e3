-- Conversation summaries (module insight): every version is kept, the newest is the summary. A version is
-- made on handoff and on resolution (trigger HANDOFF, RESOLUTION; cause = the event, so that a redelivered
-- event adds no second version) and by each agent edit (EDIT, cause null). The content is the summary's
-- JSON (reason, details, actions, outcome, follow-ups).
create table conversation_summary (
    conversation_id  uuid not null,
    version          integer not null,
    trigger_kind     varchar(20) not null,
    source           varchar(20) not null,
    cause            varchar(200),
    content          varchar(20000) not null,
    edited_by_id     uuid,
    edited_by        varchar(200),
    created_at       timestamp with time zone not null,
    primary key (conversation_id, version)
);
create unique index conversation_summary_by_cause on conversation_summary (conversation_id, cause);
