-- Quality review (issue 16). The rubric's saved versions (version 0 is the jar's quality/rubric.yml), like the
-- constitution's: each save a new row, the newest active.
create table quality_rubric_version (
    version   integer primary key,
    yaml      varchar(100000) not null,
    author    varchar(100) not null,
    saved_at  timestamp with time zone not null
);

-- One score per conversation, rewritten when it is resolved again; it remembers the rubric version and the judge.
-- agent_id is the person judged (the assignee at resolution), null when the AI handled it alone.
create table quality_score (
    conversation_id  uuid primary key,
    agent_id         uuid,
    team_id          uuid,
    rubric_version   integer not null,
    judge            varchar(20) not null,
    score            double precision,
    language         varchar(10),
    resolved_at      timestamp with time zone not null,
    scored_at        timestamp with time zone not null
);
create index quality_score_by_agent on quality_score (agent_id, resolved_at);
create index quality_score_by_resolution on quality_score (resolved_at);

-- Each item's verdict with the message and the words it rests on. corrected_by is set when a supervisor's review
-- of a dispute changed it (automatic keeps what the judge said).
create table quality_verdict (
    conversation_id  uuid not null,
    item             varchar(50) not null,
    verdict          boolean,
    automatic        boolean,
    message_id       varchar(40),
    quote            varchar(1000),
    confidence       double precision not null,
    basis            varchar(300),
    corrected_by     varchar(100),
    primary key (conversation_id, item)
);

-- Calibration: a supervisor's blind review of a scored conversation (a sample, or a dispute), item by item, with
-- the automatic verdict as it stood when the review was saved.
create table quality_review (
    id               uuid primary key,
    conversation_id  uuid not null,
    reviewer_id      uuid not null,
    reviewer         varchar(100) not null,
    reason           varchar(20) not null,
    reviewed_at      timestamp with time zone not null
);
create index quality_review_by_time on quality_review (reviewed_at);
create unique index quality_review_once on quality_review (conversation_id, reviewer_id);

create table quality_review_item (
    review_id   uuid not null,
    item        varchar(50) not null,
    reviewed    boolean,
    automatic   boolean,
    primary key (review_id, item)
);

-- An agent's dispute of one verdict; it goes to calibration and is settled by the next review of the conversation.
create table quality_dispute (
    id               uuid primary key,
    conversation_id  uuid not null,
    item             varchar(50) not null,
    agent_id         uuid not null,
    reason           varchar(2000) not null,
    status           varchar(20) not null,
    opened_at        timestamp with time zone not null,
    settled_at       timestamp with time zone,
    settled_by       varchar(100)
);
create index quality_dispute_open on quality_dispute (status, opened_at);
create unique index quality_dispute_once on quality_dispute (conversation_id, item, agent_id);

-- A supervisor's coaching notes for an agent, optionally about one item.
create table quality_coaching_note (
    id          uuid primary key,
    agent_id    uuid not null,
    author_id   uuid not null,
    author      varchar(100) not null,
    item        varchar(50),
    text        varchar(4000) not null,
    created_at  timestamp with time zone not null
);
create index quality_note_by_agent on quality_coaching_note (agent_id, created_at);
