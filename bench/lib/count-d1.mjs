// Counts the queries that reach a D1 binding: every executed prepared statement
// (all/run/first/raw) and every batch, however the caller (Prisma or raw SQL)
// issues them.
export function countingD1(d1) {
  const counter = { queries: 0, batches: 0 };
  const wrapStatement = (statement) =>
    new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (typeof value !== "function") return value;
        if (prop === "bind") return (...args) => wrapStatement(value.apply(target, args));
        if (["all", "run", "first", "raw"].includes(prop)) {
          return (...args) => {
            counter.queries++;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const wrapped = new Proxy(d1, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop === "prepare") return (sql) => wrapStatement(value.call(target, sql));
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
