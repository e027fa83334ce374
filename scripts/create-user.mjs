// npm run user:create -- --email a@b.c --name "Nom Prénom" --role admin [--remote]
// Creates an account directly in D1: the way to make the first administrator of
// a new deployment (Atelier has no public sign-up). The password is read from
// ATELIER_PASSWORD or asked for on the terminal; only its PBKDF2 hash is stored.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/accounts/password.ts";
import { run } from "./lib/common.mjs";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "admin" },
    remote: { type: "boolean", default: false },
  },
});
const roles = ["admin", "supervisor", "technician", "operator"];
const email = values.email?.trim().toLowerCase();
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !values.name?.trim() || !roles.includes(values.role)) {
  console.error(`Usage: npm run user:create -- --email <email> --name "<name>" --role <${roles.join("|")}> [--remote]`);
  process.exit(1);
}

let password = process.env.ATELIER_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Password (at least 10 characters): ");
  rl.close();
}
if (password.length < 10) {
  console.error("The password must have at least 10 characters.");
  process.exit(1);
}

const text = (value) => `'${value.replaceAll("'", "''")}'`;
const now = new Date().toISOString().replace("Z", "+00:00");
const sql = `INSERT INTO users (email, name, role, password_hash, active, created_at, updated_at) VALUES (${text(email)}, ${text(values.name.trim())}, ${text(values.role)}, ${text(await hashPassword(password))}, 1, ${text(now)}, ${text(now)})`;
run("wrangler", ["d1", "execute", "DB", values.remote ? "--remote" : "--local", "--command", sql]);
console.log(`Created ${values.role} ${email}.`);
