-- Migration: session_version
-- Written by hand rather than kept as scripts/migration.mjs wrote it: the schema
-- engine proposed a full rebuild of "users", but adding a column with a constant
-- default is a plain ALTER TABLE in SQLite (as 0002 did for must_change_password),
-- and tests/integration/migrations.test.ts proves the result equals the schema.
--
-- Every session's JWT carries the version it was signed with ("sv"); raising it
-- ends them all (lib/accounts/sessions.ts).
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
