/**
 * A D1 binding that counts the statements reaching the database: each executed
 * prepared statement (all/run/first/raw), and each statement of a batch, however
 * the caller (Prisma or raw SQL) sends them. What D1 bills and what bench/ reports.
 */
export function countingD1(d1: D1Database): { d1: D1Database; statements: string[] } {
  const statements: string[] = [];
  const wrapStatement = (statement: D1PreparedStatement, sql: string): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== "function") return value;
        if (property === "bind") return (...args: unknown[]) => wrapStatement(value.apply(target, args) as D1PreparedStatement, sql);
        if (property === "all" || property === "run" || property === "first" || property === "raw") {
          return (...args: unknown[]) => {
            statements.push(sql);
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const wrapped = new Proxy(d1, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (property === "prepare") return (sql: string) => wrapStatement(target.prepare(sql), sql);
      if (property === "batch") {
        return (batch: D1PreparedStatement[]) => {
          // A batch's statements are not executed one by one: each counts here.
          statements.push(...batch.map((_, i) => `batch statement ${i + 1} of ${batch.length}`));
          return target.batch(batch);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1: wrapped, statements };
}
