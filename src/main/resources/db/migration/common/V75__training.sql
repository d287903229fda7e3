-- Agent training (module simulation): a person practises against a simulated customer from the scenario file.
-- The sandbox's own tables: nothing here is a conversation, a customer or an outcome, and no other module reads them.
-- The simulated customer keeps no state of its own; it is read again from the turns (see TrainingCustomer).
create table training_session (
    id              uuid primary key,
    agent_id        uuid not null,
    scenario_id     varchar(100) not null,
    scenario_kind   varchar(20) not null,
    language        varchar(10) not null,
    customer_name   varchar(200) not null,
    status          varchar(20) not null,
    ended_by        varchar(20),
    goal_met        boolean,
    rubric_passed   integer,
    rubric_applicable integer,
    score           text,
    coach_note      varchar(4000),
    coach_id        uuid,
    coach_note_at   timestamp with time zone,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    version         integer not null default 0
);
create index training_session_by_agent on training_session (agent_id, started_at);

-- One line of a session, numbered from 1; the agent's client may name a turn so that a retried send stores it once.
create table training_turn (
    session_id      uuid not null references training_session (id) on delete cascade,
    seq             integer not null,
    author          varchar(10) not null,
    text            varchar(4000) not null,
    client_turn_id  varchar(100),
    at              timestamp with time zone not null,
    primary key (session_id, seq)
);
create unique index training_turn_once on training_turn (session_id, client_turn_id);
