-- Agent wellbeing (issue 16, item 5). Learnt from other modules' conversation-level events after the fact,
-- never from each message; no message text is stored here.

-- One agent's handling of one conversation: from being given it until it was resolved or moved on.
-- difficulty: the kinds of difficulty it had (ABUSE, FRUSTRATION, VULNERABLE, comma-separated), null when none;
-- written when the contact ends (and by a signal that arrives shortly after).
create table wellbeing_contact (
    id               uuid primary key,
    agent_id         uuid not null,
    conversation_id  uuid not null,
    started_at       timestamp with time zone not null,
    ended_at         timestamp with time zone,
    difficulty       varchar(100),
    peak_frustration double precision
);
create index wellbeing_contact_by_agent on wellbeing_contact (agent_id, started_at);
create index wellbeing_contact_by_conversation on wellbeing_contact (conversation_id, ended_at);

-- What other modules found about a conversation that makes it hard on the person handling it: abuse
-- (guardrails), a frustrated or vulnerable customer (escalation). One row per kind.
create table wellbeing_signal (
    conversation_id uuid not null,
    kind            varchar(20) not null,
    found_at        timestamp with time zone not null,
    primary key (conversation_id, kind)
);
create index wellbeing_signal_by_time on wellbeing_signal (found_at);

-- When an agent was online (routing's presence changes): the open row has no ended_at.
create table wellbeing_online (
    id         uuid primary key,
    agent_id   uuid not null,
    started_at timestamp with time zone not null,
    ended_at   timestamp with time zone
);
create index wellbeing_online_by_agent on wellbeing_online (agent_id, started_at);

-- What was done for an agent, with the reason in words: a suggested break (SUGGESTED, then TAKEN or
-- DISMISSED), fewer difficult contacts routed to them (ACTIVE until until_at), an alert to their
-- supervisors (OPEN, then ACKNOWLEDGED).
create table wellbeing_intervention (
    id          uuid primary key,
    agent_id    uuid not null,
    kind        varchar(20) not null,
    status      varchar(20) not null,
    reason      varchar(1000) not null,
    created_at  timestamp with time zone not null,
    minutes     integer,
    until_at    timestamp with time zone,
    decided_at  timestamp with time zone,
    decided_by  varchar(100),
    version     integer default 0 not null
);
create index wellbeing_intervention_by_agent on wellbeing_intervention (agent_id, created_at);
create index wellbeing_intervention_by_until on wellbeing_intervention (until_at);
