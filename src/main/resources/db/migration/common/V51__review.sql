-- AI replies held for a person's approval (review). A row is the held draft and, once decided, the
-- feedback: what the AI wrote, what was sent, why, and who decided. Decided once, by a version-checked update.
create table review_item (
    id                  uuid primary key,
    conversation_id     uuid not null references conversation (id),
    team_id             uuid,
    question_message_id uuid,
    language            varchar(16) not null,
    draft               varchar(16000) not null,
    citations           varchar(16000) not null,
    message_kind        varchar(20) not null,
    reasons             varchar(1000) not null,
    status              varchar(20) not null,
    requested_at        timestamp with time zone not null,
    due_at              timestamp with time zone not null,
    decided_at          timestamp with time zone,
    decided_by          varchar(100),
    final_text          varchar(16000),
    reason              varchar(1000),
    posted_message_id   uuid,
    version             bigint not null default 0
);
create index review_item_by_status on review_item (status, requested_at);
create index review_item_by_conversation on review_item (conversation_id);
