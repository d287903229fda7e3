create table spring_session_attributes (
    session_primary_id  char(36) not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Spring Modulith event publication registry.
create table event_publication (
    id                      uuid not null primary key,
    listener_id             text not null,
    event_type              text not null,
    serialized_event        text not null,
    publication_date        timestamp with time zone not null,
    completion_date         timestamp with time zone,
    status                  text,
    completion_attempts     int,
    last_resubmission_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- The audit log is append-only: the database itself refuses changes and deletions.
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
