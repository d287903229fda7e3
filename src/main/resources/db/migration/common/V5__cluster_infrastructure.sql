-- ShedLock: scheduled jobs run on one node of the cluster at a time.
create table shedlock (
    name        varchar(64) not null,
    lock_until  timestamp not null,
    locked_at   timestamp not null,
    locked_by   varchar(255) not null,
    primary key (name)
);

-- Spring Session JDBC: HTTP sessions live in the database so that any node can serve any request.
create table spring_session (
    primary_id             char(36) not null,
    session_id             char(36) not null,
    creation_time          bigint not null,
    last_access_time       bigint not null,
    max_inactive_interval  int not null,
    expiry_time            bigint not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);
