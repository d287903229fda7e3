create table article (
    id               uuid primary key,
    slug             varchar(200) not null,
    title            varchar(200) not null,
    body             varchar(100000) not null,
    tags             varchar(1000) not null,
    language         varchar(2) not null,
    audience         varchar(16) not null,
    status           varchar(16) not null,
    translation_of   uuid references article (id),
    current_version  int not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint article_slug_unique unique (slug)
);
create index article_by_status on article (status);

create table article_version (
    article_id  uuid not null references article (id),
    version     int not null,
    title       varchar(200) not null,
    body        varchar(100000) not null,
    changed_by  varchar(100) not null,
    changed_at  timestamp with time zone not null,
    primary key (article_id, version)
);
