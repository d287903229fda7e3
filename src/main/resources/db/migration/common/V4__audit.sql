create table audit_entry (
    id           uuid primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(100),
    action       varchar(64) not null,
    target_type  varchar(64),
    target_id    varchar(100),
    detail       varchar(2000),
    remote_ip    varchar(64)
);
create index audit_entry_by_time on audit_entry (occurred_at);
