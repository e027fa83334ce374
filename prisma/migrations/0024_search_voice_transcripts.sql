-- Migration: search_voice_transcripts
-- Search finds a voice note's transcript like any text (0010_search_index.sql):
-- a message's in its own entry of messages_fts, a ticket's voice notes' in the
-- ticket's entry of tickets_fts, so a transcript is found by exactly the readers
-- who may find its message or its ticket (lib/site-search/queries.ts). Each gets a
-- column of its own, so a result can say where the words were heard.
--
-- FTS5 tables take no ADD COLUMN: the two indexes are dropped and built again
-- from the rows in this file, as 0010 built them. They hold nothing of their own
-- (every word comes from tickets, ticket_comments, media and messages), so no data
-- is lost; their triggers are written again for the new columns. Like 0010, this
-- file also rebuilds them after a restored `wrangler d1 export`, which skips
-- virtual tables (README, Search): run 0010's statements, then these.

DROP TRIGGER IF EXISTS "messages_fts_insert";
DROP TRIGGER IF EXISTS "messages_fts_update";
DROP TRIGGER IF EXISTS "messages_fts_delete";
DROP TABLE IF EXISTS "messages_fts";

CREATE VIRTUAL TABLE "messages_fts" USING fts5(content, transcript, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "messages_fts_insert" AFTER INSERT ON "messages" BEGIN
  INSERT INTO "messages_fts" (rowid, content, transcript) VALUES (NEW.id, NEW.content, coalesce(NEW.transcript, ''));
END;

CREATE TRIGGER "messages_fts_update" AFTER UPDATE OF content, transcript ON "messages" BEGIN
  UPDATE "messages_fts" SET content = NEW.content, transcript = coalesce(NEW.transcript, '') WHERE rowid = NEW.id;
END;

CREATE TRIGGER "messages_fts_delete" AFTER DELETE ON "messages" BEGIN
  DELETE FROM "messages_fts" WHERE rowid = OLD.id;
END;

INSERT INTO "messages_fts" (rowid, content, transcript) SELECT id, content, coalesce(transcript, '') FROM "messages";

-- Tickets: the same four columns as 0010, and the text of the ticket's voice notes.
-- The other triggers of 0010 (a ticket updated or deleted, its comments) name their
-- columns and keep working on the new table.
DROP TRIGGER IF EXISTS "tickets_fts_insert";
DROP TABLE IF EXISTS "tickets_fts";

CREATE VIRTUAL TABLE "tickets_fts" USING fts5(code, title, description, comments, voice_notes, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "tickets_fts_insert" AFTER INSERT ON "tickets" BEGIN
  INSERT INTO "tickets_fts" (rowid, code, title, description, comments, voice_notes) VALUES (NEW.id, NEW.ticket_id, NEW.title, NEW.description, '', '');
END;

-- A voice note's text written or corrected, or the note removed, rewrites its ticket's voice_notes column.
CREATE TRIGGER "media_fts_update" AFTER UPDATE OF transcript ON "media" BEGIN
  UPDATE "tickets_fts" SET voice_notes = (SELECT coalesce(group_concat(transcript, char(10)), '') FROM "media" WHERE ticket_id = NEW.ticket_id AND transcript IS NOT NULL) WHERE rowid = NEW.ticket_id;
END;

CREATE TRIGGER "media_fts_delete" AFTER DELETE ON "media" WHEN OLD.transcript IS NOT NULL BEGIN
  UPDATE "tickets_fts" SET voice_notes = (SELECT coalesce(group_concat(transcript, char(10)), '') FROM "media" WHERE ticket_id = OLD.ticket_id AND transcript IS NOT NULL) WHERE rowid = OLD.ticket_id;
END;

INSERT INTO "tickets_fts" (rowid, code, title, description, comments, voice_notes)
  SELECT t.id, t.ticket_id, t.title, t.description,
    (SELECT coalesce(group_concat(c.content, char(10)), '') FROM "ticket_comments" c WHERE c.ticket_id = t.id AND c.deleted_at IS NULL),
    (SELECT coalesce(group_concat(m.transcript, char(10)), '') FROM "media" m WHERE m.ticket_id = t.id AND m.transcript IS NOT NULL)
  FROM "tickets" t;
