import { editingStatements } from "./edit-statements";

/**
 * A D1 binding that logs each statement it prepares ("[d1-query] SELECT ..."):
 * how the benchmarks (bench/) count the queries a page really makes. Enabled
 * only when the worker runs with the BENCH_LOG_QUERIES=1 variable.
 */
export function withQueryLog(d1: D1Database): D1Database {
  return editingStatements(d1, (sql) => {
    console.log(`[d1-query] ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
    return sql;
  });
}
