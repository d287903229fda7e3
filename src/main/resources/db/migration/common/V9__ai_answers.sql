-- Every reply the AI assistant gave, and what it was: an answer (with the articles cited), a
-- clarifying question, or "I don't know". The unanswered ones are the knowledge gaps curators see.
create table ai_answer (
    id                  uuid primary key,
    conversation_id     uuid not null,
    question_message_id uuid,
    reply_message_id    uuid,
    kind                varchar(20) not null,
    language            varchar(8) not null,
    question            varchar(4000) not null,
    question_vector     varchar(2100),
    cited_article_ids   varchar(1000),
    confidence          double precision not null,
    dismissed_at        timestamp with time zone,
    created_at          timestamp with time zone not null
);
create index ai_answer_by_kind on ai_answer (kind, created_at);
create index ai_answer_by_conversation on ai_answer (conversation_id, created_at);
