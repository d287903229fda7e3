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

create table conversation_access (
    conversation_id  uuid primary key,
    inbox_id         uuid not null references widget_inbox (id),
    token_hash       varchar(64) not null,
    created_at       timestamp with time zone not null,
    constraint conversation_access_token_unique unique (token_hash)
);
