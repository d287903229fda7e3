create table customer (
    id           uuid primary key,
    name         varchar(200),
    email        varchar(320),
    external_id  varchar(200),
    created_at   timestamp with time zone not null
);
create index customer_by_email on customer (email);
create index customer_by_external_id on customer (external_id);

create table conversation (
    id               uuid primary key,
    customer_id      uuid not null references customer (id),
    status           varchar(16) not null,
    channel          varchar(32) not null,
    team_id          uuid,
    assignee_id      uuid,
    subject          varchar(200),
    last_preview     varchar(200),
    handoff_requested_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    last_message_at  timestamp with time zone not null,
    resolved_at      timestamp with time zone,
    version          bigint not null
);
create index conversation_by_status on conversation (status, last_message_at);
create index conversation_by_customer on conversation (customer_id);
create index conversation_by_assignee on conversation (assignee_id, status);

create table message (
    id                 uuid primary key,
    conversation_id    uuid not null references conversation (id),
    author_type        varchar(16) not null,
    author_id          uuid,
    author_name        varchar(200),
    body               varchar(16000) not null,
    internal           boolean not null,
    client_message_id  varchar(100),
    created_at         timestamp with time zone not null,
    constraint message_client_id_unique unique (conversation_id, client_message_id)
);
create index message_by_conversation on message (conversation_id, created_at);
