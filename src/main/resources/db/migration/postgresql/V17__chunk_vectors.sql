-- The embedding of every text the knowledge index embeds (a chunk's embedding text, an article's
-- title), shared by all nodes and every start: a node looks up the vectors of its articles' texts
-- here and embeds only those it does not find (see docs/architecture.md, "Knowledge retrieval").
-- Keyed by the identity of the model's passage vectors (ai.Embeddings.PASSAGE_MODEL) and the SHA-256
-- (hex) of the exact text embedded; the vector is its float32 values, little-endian (1,536 bytes at
-- 384 dimensions). used_at is when the vector was stored or last looked up (refreshed at most twice
-- per tandem.knowledge.unused-vectors-kept-for): a vector no published article uses is deleted only
-- once it has not been used for that long.
-- Vendor-specific only for the vector's binary column (bytea).
create table chunk_vector (
    model        varchar(100) not null,
    text_sha256  char(64) not null,
    vector       bytea not null,
    used_at      timestamp with time zone not null,
    -- the text first: a lookup of many texts ("text_sha256 in (...)") is then index lookups on H2
    -- too, which with the model first scans every row of the model once per statement
    primary key (text_sha256, model)
);
