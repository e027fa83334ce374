// Counts the queries that reach a D1 binding: every executed prepared statement
// (all/run/first/raw) and every batch, however the caller (Prisma or raw SQL)
// issues them. Each executed statement is also kept (SQL and values) in
// `counter.statements`, so a bench can replay it and read D1's own timing.
export function countingD1(d1) {
  const counter = { queries: 0, batches: 0, statements: [] };
  const wrapStatement = (statement, sql, values = []) =>
    new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (typeof value !== "function") return value;
        if (prop === "bind") return (...args) => wrapStatement(value.apply(target, args), sql, args);
        if (["all", "run", "first", "raw"].includes(prop)) {
          return (...args) => {
            counter.queries++;
            counter.statements.push({ sql, values });
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const wrapped = new Proxy(d1, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop === "prepare") return (sql) => wrapStatement(value.call(target, sql), sql);
      if (prop === "batch") {
        return (statements) => {
          counter.batches++;
          counter.queries += statements.length;
          return value.call(target, statements);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1: wrapped, counter };
}

/**
 * D1's own execution time of the statements, in ms: the sum of each result's
 * meta.duration (the time the database spent, without the trip to it), from
 * replaying them one by one with all(), which reports it.
 */
export async function d1Duration(d1, statements) {
  let total = 0;
  for (const { sql, values } of statements) {
    const result = await d1.prepare(sql).bind(...values).all();
    total += Number(result.meta?.duration ?? 0);
  }
  return total;
}
