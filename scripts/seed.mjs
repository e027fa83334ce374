// `npm run db:seed [-- --persist-to DIR]`: demo data into an EMPTY local D1.
// A database that already has users is left untouched, so a second
// `npm start` never wipes or duplicates anything.
import { openLocalDb, persistToArg } from "./lib/local-d1.mjs";

const { seedDemoData } = await import("../prisma/seed.ts");
const local = await openLocalDb(persistToArg());
try {
  const summary = await seedDemoData(local.db, { now: new Date() });
  if (summary.seeded) {
    console.log(
      `Seeded demo data: ${summary.users} users, ${summary.machines} machines, ${summary.tickets} tickets.`,
    );
  } else {
    console.log("Database already has users: demo seed skipped (nothing changed).");
  }
} finally {
  await local.close();
}
