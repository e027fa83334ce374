// Each scheduled job asks the database one question before it does any work: is
// there anything for me to do? A run every 5 minutes mostly finds nothing, and an
// idle run used to cost 32 D1 queries (each job looked, claimed nothing, released
// nothing). The questions of a run are asked together, as the columns of one SELECT.
import { sqlDate, type Statement } from "./db/sql";
import { type Db } from "./db/client";
import { Prisma } from "./generated/prisma/client";

/**
 * Asks every question in one query; each is a SQL expression giving a number (0:
 * nothing to do). ?1 is the run's moment, the convention of OVERDUE_SQL
 * (lib/tickets/model.ts). It is written first, so SQLite numbers every plain `?`
 * after it (?2, ?3, …) in the order the statements list their values.
 */
export async function askQuestions<Name extends string>(db: Db, now: Date, questions: Record<Name, Statement>): Promise<Record<Name, number>> {
  const names = Object.keys(questions) as Name[];
  const columns = Prisma.join(
    names.map((name) => Prisma.sql`(${questions[name]}) AS ${Prisma.raw(`"${name}"`)}`),
    ", ",
  );
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ?1 AS now, ${columns.sql}`, sqlDate(now), ...columns.values);
  return Object.fromEntries(names.map((name) => [name, Number(row?.[name] ?? 0)])) as Record<Name, number>;
}
