-- Presence goes offline by itself: an agent who closed the laptop must stop being given conversations.
-- last_seen_at: the last time the agent had a workspace page open (the stream heartbeat) or called the API.
-- changed_by: who set the status (AGENT, TIMEOUT, SIGN_OUT), so that only an agent the timeout took
-- offline is offered their status_before_timeout back, never one who chose to go offline.
alter table agent_presence add column last_seen_at timestamp with time zone;
-- Everyone counts as seen at the upgrade: their open pages need a heartbeat before the first watch.
update agent_presence set last_seen_at = current_timestamp;
alter table agent_presence alter column last_seen_at set not null;
alter table agent_presence add column changed_by varchar(10) default 'AGENT' not null;
alter table agent_presence add column status_before_timeout varchar(10);
