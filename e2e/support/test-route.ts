/** The test worker's SQL route (e2e/support/test-worker.ts); scripts/lib/worker-bundle.mjs fails a product bundle that names it. */
export const TEST_SQL_PATH = "/__test/sql";
