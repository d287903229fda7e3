-- Versions of the output constitution an admin saved (guardrails). Each save is a new row, never an update;
-- the newest is active, and with none the constitution shipped in the jar (version 0) is.
create table constitution_version (
    version   integer primary key,
    yaml      varchar(200000) not null,
    author    varchar(100) not null,
    saved_at  timestamp with time zone not null
);
