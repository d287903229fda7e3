-- The escalation policy's learned opinion, stored once learned so that a restart (or another node)
-- loads it in a second instead of embedding the example conversations again for minutes. The
-- fingerprint names what it was learned from (the examples, the settings, the feature format).
-- Vendor-specific only for the model's binary column (blob).
create table escalation_model (
    fingerprint      varchar(64) primary key,
    examples         int not null,
    learned_at       timestamp with time zone not null,
    learning_millis  bigint not null,
    model_bytes      int not null,
    model            blob not null
);
