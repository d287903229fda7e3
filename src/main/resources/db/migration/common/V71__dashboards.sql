-- Supervisor dashboards (module insight). Daily rollups kept up to date by the outcome, ledger, rating and
-- escalation events, so that a dashboard sums a few thousand rows instead of reading a million conversations.
-- Dimension columns are never null (the rollups' primary keys): no team, no agent is the nil UUID, an unknown
-- channel, language or topic is ''.

-- What each conversation adds to the rollups now: its key and its measures. An event recomputes it from the
-- sources, the rollups move by the difference and it is replaced, so a redelivered event moves nothing and a
-- reopen, a reversed ledger entry or a changed rating moves the counts from where they were to where they are.
create table dashboard_contribution (
    conversation_id         uuid primary key,
    started_day             date not null,
    team_id                 uuid not null,
    agent_id                uuid not null,
    channel                 varchar(40) not null,
    language                varchar(10) not null,
    topic                   varchar(100) not null,
    outcome                 varchar(20) not null,
    verified                boolean not null,
    escalated               boolean not null,
    first_response_seconds  bigint,
    relief_seconds          bigint,
    csat                    integer,
    gap                     boolean not null,
    repeated_facts          boolean not null,
    repeat_contact          boolean not null,
    reasons                 varchar(400) not null,
    updated_at              timestamp with time zone not null
);

-- The rollup: one row per day (UTC, the day the conversation started), team, agent, channel and language.
create table dashboard_day (
    started_day         date not null,
    team_id             uuid not null,
    agent_id            uuid not null,
    channel             varchar(40) not null,
    language            varchar(10) not null,
    conversations       bigint not null default 0,
    still_open          bigint not null default 0,
    reopened            bigint not null default 0,
    ai_resolved         bigint not null default 0,
    human_resolved      bigint not null default 0,
    abandoned           bigint not null default 0,
    verified            bigint not null default 0,
    escalated           bigint not null default 0,
    first_response_n    bigint not null default 0,
    first_response_sum  bigint not null default 0,
    relief_n            bigint not null default 0,
    relief_sum          bigint not null default 0,
    relief_1m           bigint not null default 0,
    relief_5m           bigint not null default 0,
    relief_1h           bigint not null default 0,
    relief_1d           bigint not null default 0,
    relief_more         bigint not null default 0,
    csat_n              bigint not null default 0,
    csat_sum            bigint not null default 0,
    csat_1              bigint not null default 0,
    csat_2              bigint not null default 0,
    csat_3              bigint not null default 0,
    csat_4              bigint not null default 0,
    csat_5              bigint not null default 0,
    gaps                bigint not null default 0,
    repeated_facts      bigint not null default 0,
    repeat_contacts     bigint not null default 0,
    primary key (started_day, team_id, agent_id, channel, language)
);

-- Escalated conversations per reason (a conversation counts once under each of its reasons).
create table dashboard_reason_day (
    started_day    date not null,
    team_id        uuid not null,
    agent_id       uuid not null,
    channel        varchar(40) not null,
    language       varchar(10) not null,
    reason         varchar(30) not null,
    conversations  bigint not null default 0,
    primary key (started_day, team_id, agent_id, channel, language, reason)
);

-- Conversations in which the assistant could not answer a question, per topic (the conversation's intent).
create table dashboard_gap_day (
    started_day    date not null,
    team_id        uuid not null,
    agent_id       uuid not null,
    channel        varchar(40) not null,
    language       varchar(10) not null,
    topic          varchar(100) not null,
    conversations  bigint not null default 0,
    primary key (started_day, team_id, agent_id, channel, language, topic)
);

-- Why the assistant escalated a conversation, as the escalation event said (a source of the rollups).
create table dashboard_escalation (
    conversation_id  uuid not null,
    reason           varchar(30) not null,
    at               timestamp with time zone not null,
    primary key (conversation_id, reason)
);
