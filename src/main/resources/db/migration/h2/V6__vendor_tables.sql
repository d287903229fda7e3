create table spring_session_attributes (
    session_primary_id  char(36) not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     varbinary not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Spring Modulith event publication registry; serialized events hold message text, hence the wide column.
create table event_publication (
    id                      uuid not null primary key,
    completion_date         timestamp(9) with time zone,
    event_type              varchar(512) not null,
    listener_id             varchar(512) not null,
    publication_date        timestamp(9) with time zone not null,
    serialized_event        varchar(1000000) not null,
    status                  varchar(20),
    completion_attempts     int,
    last_resubmission_date  timestamp(9) with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
