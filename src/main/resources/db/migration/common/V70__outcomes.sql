-- Outcomes (module insight). One row per conversation, rewritten at its conversation-level events and by the
-- sweep; its columns are the dimensions a dashboard groups by (day, team, agent, channel, language, intent) and
-- the measures it sums, so that aggregates are plain indexed group-bys.
create table conversation_outcome (
    conversation_id          uuid primary key,
    customer_id              uuid,
    team_id                  uuid,
    agent_id                 uuid,
    channel                  varchar(40),
    language                 varchar(10),
    intent                   varchar(100),
    started_at               timestamp with time zone not null,
    started_day              date not null,
    outcome                  varchar(20) not null,
    ai_only                  boolean not null,
    handoff_at               timestamp with time zone,
    first_response_seconds   bigint,
    confirmed_at             timestamp with time zone,
    confirmation             varchar(20),
    confirmation_ref         varchar(200),
    relief_seconds           bigint,
    ended_at                 timestamp with time zone,
    reopens                  integer not null default 0,
    repeated_facts           integer not null default 0,
    repeat_contact_id        uuid,
    csat                     integer,
    verified                 boolean not null default false,
    ledger_checked           boolean not null default false,
    updated_at               timestamp with time zone not null
);
create index conversation_outcome_by_day on conversation_outcome (started_day, team_id);
create index conversation_outcome_by_customer on conversation_outcome (customer_id, started_at);
create index conversation_outcome_candidates on conversation_outcome (ledger_checked, ended_at);

-- What happened to a conversation that decides its outcome, dated when it happened: reopens, repeat contacts,
-- negative ratings, confirmations, handoffs. Appended only; (conversation, kind, at) once, so a redelivered
-- event adds nothing. The ledger's reversals point here.
create table outcome_evidence (
    id               uuid primary key,
    conversation_id  uuid not null,
    kind             varchar(30) not null,
    at               timestamp with time zone not null,
    ref              varchar(200),
    recorded_at      timestamp with time zone not null
);
create unique index outcome_evidence_once on outcome_evidence (conversation_id, kind, at);

-- The customer's 1-5 rating of a conversation, at most one; offered in the widget at resolution and by an
-- emailed link. The comment is the customer's words (removed by anonymising).
create table csat_rating (
    conversation_id  uuid primary key,
    rating           integer not null,
    comment          varchar(1000),
    via              varchar(10) not null,
    rated_at         timestamp with time zone not null
);

-- The definition of a billable AI resolution: each saved change a version (the shipped one is version 0).
create table resolution_definition (
    version    integer primary key,
    yaml       varchar(10000) not null,
    author     varchar(200) not null,
    saved_at   timestamp with time zone not null
);

-- The resolution ledger: append-only. An ENTRY counts a verified AI resolution with its evidence (JSON); a
-- REVERSAL cancels an entry when late evidence inside its window arrives, pointing at the entry. Rows are never
-- updated or deleted; a month's total is its entries minus its reversals.
create table resolution_ledger (
    id                  uuid primary key,
    sequence_no         bigint not null,
    kind                varchar(10) not null,
    conversation_id     uuid not null,
    reverses_id         uuid,
    ledger_month        varchar(7) not null,
    definition_version  integer not null,
    window_start        timestamp with time zone not null,
    window_end          timestamp with time zone not null,
    team_id             uuid,
    channel             varchar(40),
    language            varchar(10),
    evidence            varchar(10000) not null,
    recorded_at         timestamp with time zone not null
);
create unique index resolution_ledger_once on resolution_ledger (conversation_id, kind);
create unique index resolution_ledger_sequence on resolution_ledger (sequence_no);
create index resolution_ledger_by_month on resolution_ledger (ledger_month, kind);

-- Where the sweep of idle and newly started conversations got to (one row per sweep).
create table outcome_sweep (
    name   varchar(40) primary key,
    swept_until  timestamp with time zone not null
);

-- The key that signs the rating links of CSAT emails, made once per installation so that every node checks the
-- links of the others (tandem.insight.csat.signing-key overrides it).
create table insight_key (
    name        varchar(40) primary key,
    secret      varchar(200) not null,
    created_at  timestamp with time zone not null
);
