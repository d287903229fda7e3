create table team (
    id          uuid primary key,
    name        varchar(100) not null,
    created_at  timestamp with time zone not null,
    constraint team_name_unique unique (name)
);

create table app_user (
    id              uuid primary key,
    username        varchar(64) not null,
    display_name    varchar(200) not null,
    email           varchar(320),
    password_hash   varchar(200) not null,
    enabled         boolean not null,
    max_concurrent  int not null,
    created_at      timestamp with time zone not null,
    constraint app_user_username_unique unique (username)
);

create table user_role (
    user_id  uuid not null references app_user (id) on delete cascade,
    role     varchar(20) not null,
    primary key (user_id, role)
);

create table user_team (
    user_id  uuid not null references app_user (id) on delete cascade,
    team_id  uuid not null references team (id) on delete cascade,
    primary key (user_id, team_id)
);

create table user_language (
    user_id   uuid not null references app_user (id) on delete cascade,
    language  varchar(16) not null,
    primary key (user_id, language)
);

create table user_skill (
    user_id  uuid not null references app_user (id) on delete cascade,
    skill    varchar(64) not null,
    primary key (user_id, skill)
);

create table api_token (
    id            uuid primary key,
    user_id       uuid not null references app_user (id) on delete cascade,
    name          varchar(100) not null,
    token_hash    varchar(64) not null,
    token_prefix  varchar(16) not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_by_user on api_token (user_id);
