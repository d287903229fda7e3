-- What understanding read in each customer message, stored with it: language, intent, tone and the
-- facts named. Written once, after the message is stored (asynchronously), read per conversation.
create table message_understanding (
    message_id        uuid primary key,
    conversation_id   uuid not null,
    language          varchar(8),
    intent            varchar(200),
    intent_confidence double precision,
    out_of_scope      boolean,
    frustration       double precision not null,
    polarity          double precision not null,
    cues              varchar(2000),
    entities          varchar(8000),
    created_at        timestamp with time zone not null
);
create index message_understanding_by_conversation on message_understanding (conversation_id, created_at);
