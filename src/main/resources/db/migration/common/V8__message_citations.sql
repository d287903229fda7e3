-- The sources an AI answer cites, as a JSON array of {articleId, title, url, snippet}: written once
-- with the message, always read with it, never queried on its own.
alter table message add column citations varchar(16000);
