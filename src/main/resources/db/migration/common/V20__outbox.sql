-- Emails the app or the demo back end sent (no mail transport yet: the outbox is where they end).
create table outbox_email (
    id        uuid primary key,
    sender    varchar(40) not null,
    recipient varchar(320) not null,
    subject   varchar(500) not null,
    body      varchar(8000) not null,
    sent_at   timestamp with time zone not null
);
create index outbox_email_by_time on outbox_email (sent_at);
