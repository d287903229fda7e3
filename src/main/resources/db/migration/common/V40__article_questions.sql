-- The questions an article answers, as customers ask them: written by curators on the article editor
-- (CURATED), or learned from confirmed answers (a customer's "yes, that helped": CONFIRMED; a curator
-- or agent linking an unanswered or handed-over question to the article: LINKED). Searched with the
-- article. question_key (the question lower-cased, spaces collapsed) makes learning a question twice
-- one row. questions_version counts changes, so that every node's index notices them.
create table article_question (
    article_id    uuid not null references article (id),
    question_key  varchar(500) not null,
    question      varchar(500) not null,
    source        varchar(16) not null,
    added_by      varchar(100) not null,
    created_at    timestamp with time zone not null,
    primary key (article_id, question_key)
);
alter table article add column questions_version int default 0 not null;
