-- Migration: sign_in_unverified (issue 21, item 4)
-- Written by hand: scripts/migration.mjs proposed rebuilding the table (Prisma's
-- way of adding a NOT NULL column); SQLite's ADD COLUMN does it in place when the
-- default is a constant, and migrations here never copy a table with rows. The
-- generator then finds schema and migrations in agreement. Additive only.

-- One address no longer locks everyone out (lib/accounts/sign-in.ts): past its
-- allowance of failures on e-mails that match no account, such an attempt is
-- answered without checking the password, and recorded as a failure all the
-- same. Earlier rows were all checked or refused: 0.
ALTER TABLE "sign_in_attempts" ADD COLUMN "unverified" BOOLEAN NOT NULL DEFAULT false;
