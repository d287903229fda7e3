-- The quality judge's verdicts on each AI reply (accurate against the knowledge base, policy compliant against
-- the constitution), filed against the assistant's answers once a conversation is resolved and scored: what the
-- knowledge-gap and answer-quality views show curators. A conversation scored again replaces its verdicts.
create table ai_answer_verdict (
    reply_message_id uuid not null,
    item             varchar(40) not null,
    conversation_id  uuid not null,
    verdict          boolean not null,
    evidence         varchar(1000),
    basis            varchar(300),
    confidence       double precision not null,
    rubric_version   integer not null,
    judged_at        timestamp with time zone not null,
    primary key (reply_message_id, item)
);
create index ai_answer_verdict_by_conversation on ai_answer_verdict (conversation_id);
create index ai_answer_verdict_wrong on ai_answer_verdict (verdict, judged_at);
