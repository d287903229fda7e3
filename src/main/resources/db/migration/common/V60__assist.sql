-- Agent assist (issue 14). Macros: canned replies with {{variables}}, for one team or for all (team_id
-- null), managed by curators and admins.
create table assist_macro (
    id          uuid primary key,
    team_id     uuid,
    title       varchar(200) not null,
    body        varchar(4000) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null
);

-- Every suggestion the assist panel showed an agent, and what became of it: USED as is, EDITED (the
-- text sent and its Levenshtein distance from the suggestion), DISMISSED, or null while nobody said.
-- kind: KNOWLEDGE (assembled from a passage), MACRO, PAST_REPLY (an agent's reply to a similar message
-- in a resolved conversation), GENERATED (LLM mode); source: the article id, macro id or message id.
create table assist_suggestion (
    id               uuid primary key,
    conversation_id  uuid not null,
    message_id       uuid not null,
    kind             varchar(20) not null,
    source           varchar(200) not null,
    position         int not null,
    text             varchar(4000) not null,
    score            double precision not null,
    shown_at         timestamp with time zone not null,
    outcome          varchar(20),
    final_text       varchar(4000),
    edit_distance    int,
    agent_id         uuid,
    outcome_at       timestamp with time zone
);
create index assist_suggestion_by_message on assist_suggestion (conversation_id, message_id);
create index assist_suggestion_by_source on assist_suggestion (kind, source);

-- Past replies to learn from: an agent's reply and the customer message it answered, from conversations
-- that ended resolved. The customer text's bge-small vector as base64 of float32 little-endian
-- (384 dimensions = 2,048 characters), so that no start embeds them again.
create table assist_reply_example (
    reply_message_id  uuid primary key,
    conversation_id   uuid not null,
    customer_text     varchar(4000) not null,
    reply_text        varchar(4000) not null,
    vector            varchar(2100) not null,
    created_at        timestamp with time zone not null
);
