-- Intent sets: the examples an admin uploaded (or the configuration shipped) and the model trained
-- from them, so that a restart loads the model instead of training again. The newest READY set is
-- the one in use; a new upload trains beside it and takes over when it is ready.
-- Vendor-specific only for the model's binary column (bytea).
create table intent_set (
    id                 uuid primary key,
    file_name          varchar(255) not null,
    uploaded_by        varchar(100) not null,
    uploaded_at        timestamp with time zone not null,
    example_count      int not null,
    label_count        int not null,
    status             varchar(20) not null,
    phase              varchar(20),
    progress_done      int not null,
    progress_total     int not null,
    failure            varchar(1000),
    held_out_accuracy  double precision,
    held_out_count     int,
    training_millis    bigint,
    trained_at         timestamp with time zone,
    model_bytes        int,
    model              bytea
);
create index intent_set_by_status on intent_set (status, uploaded_at);

create table intent_example (
    intent_set_id  uuid not null references intent_set (id) on delete cascade,
    position       int not null,
    text           varchar(2000) not null,
    label          varchar(100) not null,
    primary key (intent_set_id, position)
);
