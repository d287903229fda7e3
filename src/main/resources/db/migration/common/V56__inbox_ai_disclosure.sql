-- per widget inbox and language, the text that tells the customer they talk to an AI (conversation.AiDisclosure)
create table widget_inbox_disclosure (
    inbox_id    uuid not null references widget_inbox (id) on delete cascade,
    language    varchar(8) not null,
    text        varchar(500) not null,
    updated_at  timestamp with time zone not null,
    primary key (inbox_id, language)
);
