/**
 * A D1 binding that logs each statement it prepares ("[d1-query] SELECT ..."):
 * how `npm run bench:board` counts the queries a page really makes. Enabled
 * only when the worker runs with the BENCH_LOG_QUERIES=1 variable.
 */
export function withQueryLog(d1: D1Database): D1Database {
  return new Proxy(d1, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          console.log(`[d1-query] ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
