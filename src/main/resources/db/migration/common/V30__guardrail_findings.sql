-- What the input guardrails found in a customer message (never the text itself), and what was done.
create table guardrail_finding (
    id              uuid primary key,
    conversation_id uuid not null,
    message_id      uuid not null,
    check_name      varchar(40) not null,
    rules           varchar(500),
    score           double precision not null,
    actions         varchar(200) not null,
    found_at        timestamp with time zone not null,
    constraint guardrail_finding_once unique (message_id, check_name)
);

create index guardrail_finding_conversation on guardrail_finding (conversation_id);
