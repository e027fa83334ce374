/** The binding with each statement's SQL passed through `edit` before it is prepared. */
export function editingStatements(d1: D1Database, edit: (sql: string) => string): D1Database {
  return new Proxy(d1, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => target.prepare(edit(sql));
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
