-- One run of a procedure in a conversation: where it is, the values the customer gave (JSON object),
-- and what was asked, verified and done (JSON array), read whole by the run and the handoff packet.
-- Verification codes are kept as hashes only. A completed run is a candidate AI resolution.
create table procedure_run (
    id              uuid primary key,
    conversation_id uuid not null,
    procedure_name  varchar(60) not null,
    status          varchar(20) not null,
    step            int not null,
    awaiting        varchar(60),
    attempts        int not null,
    language        varchar(8) not null,
    run_values      varchar(8000) not null,
    history         varchar(16000) not null,
    started_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    version         bigint not null default 0
);
create index procedure_run_by_conversation on procedure_run (conversation_id, started_at);
create index procedure_run_by_status on procedure_run (status, updated_at);
