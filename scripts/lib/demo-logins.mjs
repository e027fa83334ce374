import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./common.mjs";

/**
 * The demo accounts as a table, read from prisma/seed.ts itself so the
 * terminal can never show a password the seed did not set.
 */
export function demoLogins() {
  const source = readFileSync(path.join(root, "prisma", "seed.ts"), "utf8");
  const rows = [...source.matchAll(/role: "(\w+)", name: "([^"]+)", email: "([^"]+)", password: "([^"]+)"/g)];
  return rows.map(([, role, , email, password]) => `  ${role.padEnd(11)} ${email.padEnd(28)} ${password}`).join("\n");
}
