-- Actions a person must approve before they happen (a refund over the limit; later AI replies the
-- review policy holds). kind + reference name the waiting thing in its owner's terms, once.
create table approval (
    id              uuid primary key,
    kind            varchar(40) not null,
    reference       varchar(200) not null,
    conversation_id uuid,
    title           varchar(300) not null,
    details         varchar(4000) not null,
    status          varchar(20) not null,
    requested_at    timestamp with time zone not null,
    decided_at      timestamp with time zone,
    decided_by      varchar(100),
    note            varchar(1000),
    version         bigint not null default 0,
    constraint approval_once unique (kind, reference)
);
create index approval_by_status on approval (status, requested_at);
