-- Migration: cron_run_detail
-- Written by hand: a nullable column is a plain ALTER TABLE in SQLite, and
-- tests/integration/migrations.test.ts proves the result equals the schema.
--
-- What a run did beyond its four counts, as JSON: the retention job records how
-- many rows and objects each purge removed (cron/retention.ts).
ALTER TABLE "cron_runs" ADD COLUMN "detail" TEXT;
