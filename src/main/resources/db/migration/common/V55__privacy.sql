-- retention with tandem.privacy.retention.action=anonymise: when a conversation's texts and addresses were removed
alter table conversation add column anonymised_at timestamp with time zone;
