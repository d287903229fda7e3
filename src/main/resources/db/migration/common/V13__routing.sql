-- Routing and SLAs. The conversation carries its priority and its first-response target, because
-- the queue is sorted by them and every list shows them; one "waiting episode" at a time: it starts
-- when the conversation enters the human queue and ends with the first agent reply.
alter table conversation add column priority varchar(10) default 'NORMAL' not null;
alter table conversation add column waiting_since timestamp with time zone;
alter table conversation add column first_response_due_at timestamp with time zone;
alter table conversation add column first_responded_at timestamp with time zone;
alter table conversation add column first_response_breached_at timestamp with time zone;
create index conversation_by_first_response_due on conversation (first_response_due_at);

-- Whether an agent takes new conversations now. No row: offline.
create table agent_presence (
    user_id     uuid primary key,
    status      varchar(10) not null,
    changed_at  timestamp with time zone not null
);

-- Why a conversation waits in the queue it waits in, and what its agent needs (language, skill):
-- one row each time it enters a human queue, the latest one counts.
create table routing_decision (
    id              uuid primary key,
    conversation_id uuid not null,
    rule            varchar(100),
    from_team_id    uuid,
    to_team_id      uuid,
    language        varchar(8),
    intent          varchar(100),
    agent_language  varchar(8),
    agent_skill     varchar(100),
    why             varchar(1000) not null,
    created_at      timestamp with time zone not null
);
create index routing_decision_by_conversation on routing_decision (conversation_id, created_at);

-- A first-response target that was missed: written once per waiting episode, kept for reports;
-- answered_at is set when an agent finally replied (or the conversation was resolved).
create table sla_breach (
    id              uuid primary key,
    conversation_id uuid not null,
    team_id         uuid,
    priority        varchar(10) not null,
    due_at          timestamp with time zone not null,
    breached_at     timestamp with time zone not null,
    answered_at     timestamp with time zone,
    constraint sla_breach_once unique (conversation_id, due_at)
);
create index sla_breach_open on sla_breach (answered_at);
