-- Migration: search_index
-- Search everything (/search): one SQLite FTS5 table per kind of result, each row
-- keyed by the rowid of the row it indexes. The unicode61 tokenizer with
-- remove_diacritics 2 folds case and accents on both sides, so "presse" finds
-- "Presse hydraulique" and "ecran" finds "écran". D1 supports FTS5 (local
-- miniflare and production alike); `wrangler d1 export` does not export virtual
-- tables, so an export is taken without them and this file rebuilds them.
--
-- Additive: nothing existing changes. Triggers keep each index in step with its
-- table on insert, update and delete; the last statements fill the indexes from
-- the rows already there. Who may read a result is decided at query time
-- (lib/search/queries.ts), never stored here. Prisma does not model virtual
-- tables: scripts/lib/migration-diff.mjs lists them as external.

-- Tickets: the ticket id, title, description and the text of its live comments.
CREATE VIRTUAL TABLE "tickets_fts" USING fts5(code, title, description, comments, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "tickets_fts_insert" AFTER INSERT ON "tickets" BEGIN
  INSERT INTO "tickets_fts" (rowid, code, title, description, comments) VALUES (NEW.id, NEW.ticket_id, NEW.title, NEW.description, '');
END;

CREATE TRIGGER "tickets_fts_update" AFTER UPDATE OF ticket_id, title, description ON "tickets" BEGIN
  UPDATE "tickets_fts" SET code = NEW.ticket_id, title = NEW.title, description = NEW.description WHERE rowid = NEW.id;
END;

CREATE TRIGGER "tickets_fts_delete" AFTER DELETE ON "tickets" BEGIN
  DELETE FROM "tickets_fts" WHERE rowid = OLD.id;
END;

-- A comment written, edited, deleted (soft: deleted_at) or removed rewrites its ticket's comments column.
CREATE TRIGGER "ticket_comments_fts_insert" AFTER INSERT ON "ticket_comments" BEGIN
  UPDATE "tickets_fts" SET comments = (SELECT coalesce(group_concat(content, char(10)), '') FROM "ticket_comments" WHERE ticket_id = NEW.ticket_id AND deleted_at IS NULL) WHERE rowid = NEW.ticket_id;
END;

CREATE TRIGGER "ticket_comments_fts_update" AFTER UPDATE OF content, deleted_at ON "ticket_comments" BEGIN
  UPDATE "tickets_fts" SET comments = (SELECT coalesce(group_concat(content, char(10)), '') FROM "ticket_comments" WHERE ticket_id = NEW.ticket_id AND deleted_at IS NULL) WHERE rowid = NEW.ticket_id;
END;

CREATE TRIGGER "ticket_comments_fts_delete" AFTER DELETE ON "ticket_comments" BEGIN
  UPDATE "tickets_fts" SET comments = (SELECT coalesce(group_concat(content, char(10)), '') FROM "ticket_comments" WHERE ticket_id = OLD.ticket_id AND deleted_at IS NULL) WHERE rowid = OLD.ticket_id;
END;

-- Machines: type, model, serial number, location.
CREATE VIRTUAL TABLE "machines_fts" USING fts5(machine_type, model, serial_number, location, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "machines_fts_insert" AFTER INSERT ON "machines" BEGIN
  INSERT INTO "machines_fts" (rowid, machine_type, model, serial_number, location) VALUES (NEW.id, NEW.machine_type, coalesce(NEW.model, ''), coalesce(NEW.serial_number, ''), coalesce(NEW.location, ''));
END;

CREATE TRIGGER "machines_fts_update" AFTER UPDATE OF machine_type, model, serial_number, location ON "machines" BEGIN
  UPDATE "machines_fts" SET machine_type = NEW.machine_type, model = coalesce(NEW.model, ''), serial_number = coalesce(NEW.serial_number, ''), location = coalesce(NEW.location, '') WHERE rowid = NEW.id;
END;

CREATE TRIGGER "machines_fts_delete" AFTER DELETE ON "machines" BEGIN
  DELETE FROM "machines_fts" WHERE rowid = OLD.id;
END;

-- People: every account's name is indexed; which roles are shown is decided at query time.
CREATE VIRTUAL TABLE "users_fts" USING fts5(name, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "users_fts_insert" AFTER INSERT ON "users" BEGIN
  INSERT INTO "users_fts" (rowid, name) VALUES (NEW.id, NEW.name);
END;

CREATE TRIGGER "users_fts_update" AFTER UPDATE OF name ON "users" BEGIN
  UPDATE "users_fts" SET name = NEW.name WHERE rowid = NEW.id;
END;

CREATE TRIGGER "users_fts_delete" AFTER DELETE ON "users" BEGIN
  DELETE FROM "users_fts" WHERE rowid = OLD.id;
END;

-- Messages: their text (a deleted message's content is cleared, and so is its entry).
CREATE VIRTUAL TABLE "messages_fts" USING fts5(content, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "messages_fts_insert" AFTER INSERT ON "messages" BEGIN
  INSERT INTO "messages_fts" (rowid, content) VALUES (NEW.id, NEW.content);
END;

CREATE TRIGGER "messages_fts_update" AFTER UPDATE OF content ON "messages" BEGIN
  UPDATE "messages_fts" SET content = NEW.content WHERE rowid = NEW.id;
END;

CREATE TRIGGER "messages_fts_delete" AFTER DELETE ON "messages" BEGIN
  DELETE FROM "messages_fts" WHERE rowid = OLD.id;
END;

-- The rows already there.
INSERT INTO "tickets_fts" (rowid, code, title, description, comments)
  SELECT t.id, t.ticket_id, t.title, t.description,
    (SELECT coalesce(group_concat(c.content, char(10)), '') FROM "ticket_comments" c WHERE c.ticket_id = t.id AND c.deleted_at IS NULL)
  FROM "tickets" t;

INSERT INTO "machines_fts" (rowid, machine_type, model, serial_number, location)
  SELECT id, machine_type, coalesce(model, ''), coalesce(serial_number, ''), coalesce(location, '') FROM "machines";

INSERT INTO "users_fts" (rowid, name) SELECT id, name FROM "users";

INSERT INTO "messages_fts" (rowid, content) SELECT id, content FROM "messages";
