-- Migration: sessions_throttle_names (issue 10, items 1, 3 and 8)
-- Written by hand from what scripts/migration.mjs proposed (the four statements
-- marked "generated"), plus the backfill of users.name_key. Additive only.

-- A plain sign-out ends one session, not all (lib/accounts/sessions.ts): the
-- session's "sid" claim is kept here until the session would have expired.
-- generated
CREATE TABLE "revoked_sessions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" INTEGER NOT NULL,
    "expires_at" DATETIME NOT NULL
);
-- generated
CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");

-- Each sign-in attempt is recorded before the password is verified, in one
-- statement that also decides whether it may be verified (lib/accounts/sign-in.ts):
-- a refused attempt says until when. Earlier rows were all verified: NULL.
-- generated
ALTER TABLE "sign_in_attempts" ADD COLUMN "blocked_until" DATETIME;

-- Display names are unique among active users, without case or accents
-- (lib/accounts/names.ts, nameKey()). The application checks every name it
-- writes against the names themselves; this index is the backstop for two
-- writes at the same moment.
-- generated
ALTER TABLE "users" ADD COLUMN "name_key" TEXT;

-- Existing rows get their key here. SQLite's lower() knows only ASCII, so the
-- accented letters of Latin-1 (and œ, Ÿ) are folded first, one REPLACE per
-- letter, exactly as nameKey() folds them (tests/integration/user-names.test.ts
-- proves the two agree on each of them).
WITH RECURSIVE
  fold(n, letter, plain) AS (VALUES
  (1, 'À', 'a'), (2, 'Á', 'a'), (3, 'Â', 'a'), (4, 'Ã', 'a'), (5, 'Ä', 'a'), (6, 'Å', 'a'), (7, 'Æ', 'ae'), (8, 'Ç', 'c'),
  (9, 'È', 'e'), (10, 'É', 'e'), (11, 'Ê', 'e'), (12, 'Ë', 'e'), (13, 'Ì', 'i'), (14, 'Í', 'i'), (15, 'Î', 'i'), (16, 'Ï', 'i'),
  (17, 'Ð', 'ð'), (18, 'Ñ', 'n'), (19, 'Ò', 'o'), (20, 'Ó', 'o'), (21, 'Ô', 'o'), (22, 'Õ', 'o'), (23, 'Ö', 'o'), (24, 'Ø', 'ø'),
  (25, 'Ù', 'u'), (26, 'Ú', 'u'), (27, 'Û', 'u'), (28, 'Ü', 'u'), (29, 'Ý', 'y'), (30, 'Þ', 'þ'), (31, 'à', 'a'), (32, 'á', 'a'),
  (33, 'â', 'a'), (34, 'ã', 'a'), (35, 'ä', 'a'), (36, 'å', 'a'), (37, 'æ', 'ae'), (38, 'ç', 'c'), (39, 'è', 'e'), (40, 'é', 'e'),
  (41, 'ê', 'e'), (42, 'ë', 'e'), (43, 'ì', 'i'), (44, 'í', 'i'), (45, 'î', 'i'), (46, 'ï', 'i'), (47, 'ñ', 'n'), (48, 'ò', 'o'),
  (49, 'ó', 'o'), (50, 'ô', 'o'), (51, 'õ', 'o'), (52, 'ö', 'o'), (53, 'ù', 'u'), (54, 'ú', 'u'), (55, 'û', 'u'), (56, 'ü', 'u'),
  (57, 'ý', 'y'), (58, 'ÿ', 'y'), (59, 'Œ', 'oe'), (60, 'œ', 'oe'), (61, 'Ÿ', 'y')
  ),
  folded(id, n, name) AS (
    SELECT id, 0, name FROM users
    UNION ALL
    SELECT folded.id, folded.n + 1, REPLACE(folded.name, fold.letter, fold.plain)
    FROM folded JOIN fold ON fold.n = folded.n + 1
  )
UPDATE users SET name_key = (
  SELECT lower(trim(REPLACE(REPLACE(REPLACE(folded.name, '  ', ' '), '  ', ' '), '  ', ' ')))
  FROM folded WHERE folded.id = users.id ORDER BY folded.n DESC LIMIT 1
);

-- Two active people may already share a name (the rule is new): the one created
-- first keeps the key, the others get none, so this migration cannot fail on
-- existing data. Nobody is renamed behind their back; the application refuses
-- their name at their next change until it differs.
UPDATE users SET name_key = NULL
WHERE active = 1 AND EXISTS (
  SELECT 1 FROM users AS earlier
  WHERE earlier.active = 1 AND earlier.name_key = users.name_key AND earlier.id < users.id
);

-- generated
CREATE UNIQUE INDEX "users_active_name_key_key" ON "users"("name_key") WHERE active = 1;
