create table widget_inbox (
    id            uuid primary key,
    inbox_key     varchar(64) not null,
    name          varchar(100) not null,
    company_name  varchar(100) not null,
    greeting      varchar(500) not null,
    color         varchar(7) not null,
    team_id       uuid,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint widget_inbox_key_unique unique (inbox_key)
);

-- A customer's keys to their conversations. Usually one per conversation; a retried start
-- (same start key, i.e. the first message's clientMessageId) gets a second key to the same one.
create table conversation_access (
    token_hash       varchar(64) primary key,
    conversation_id  uuid not null,
    inbox_id         uuid not null references widget_inbox (id),
    start_key_hash   varchar(64),
    created_at       timestamp with time zone not null
);
create index conversation_access_by_conversation on conversation_access (conversation_id);
create index conversation_access_by_start_key on conversation_access (start_key_hash);
