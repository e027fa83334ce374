// People: the old system's accounts become Atelier's, with their e-mail, name,
// active state and password; its fourteen roles become Atelier's four (the table
// is in the README); its "Toute l'équipe" placeholder (id 0) is not a person but
// Atelier's whole-team assignee (tickets.assigned_to = 0 means the same in both).
import { lookAlikeKeys, looksAlike, nameProblem, normalizeName } from "../accounts/look-alike-names";
import { nameKey } from "../accounts/names";
import { isLegacyV2Hash, wrapLegacySha256 } from "../accounts/password";
import type { Role } from "../permissions";
import { LEGACY_TEAM_ID, type PlanContext } from "./context";
import { flag, instant, int, rowsOf, words } from "./export";
import { addNote } from "./report";

/** The old system's roles and the Atelier role each becomes: who does what on the floor, not what they were allowed. */
export const legacyRoles: Record<string, Role> = {
  admin: "admin",
  director: "supervisor",
  supervisor: "supervisor",
  coordinator: "supervisor",
  planner: "supervisor",
  senior_technician: "technician",
  technician: "technician",
  team_leader: "operator",
  furnace_operator: "operator",
  operator: "operator",
  safety_officer: "operator",
  quality_inspector: "operator",
  storekeeper: "operator",
  viewer: "operator",
};

/** Atelier's role for an old role; a role the table does not know becomes operator, the narrowest. */
export function atelierRole(oldRole: string | null, superAdmin: boolean): Role {
  if (superAdmin) return "admin";
  return (oldRole && legacyRoles[oldRole]) || "operator";
}

/** The old system's accounts that are not people: its team placeholder, and any other it marked so. */
function isSystemAccount(id: number, passwordHash: string | null): boolean {
  return id === LEGACY_TEAM_ID || passwordHash === "SYSTEM_USER_NO_LOGIN";
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function mapPeople(ctx: PlanContext): Promise<void> {
  const { report } = ctx;
  const source = rowsOf(ctx.source, "users");
  const emails = new Set<string>();
  const activeNames = new Set<string>();
  const activeLooks: [string, string][] = [];
  const system: string[] = [];
  const duplicateEmails: string[] = [];
  const duplicateNames: string[] = [];
  const unknownPasswords: string[] = [];
  const rolesMapped: string[] = [];
  let v2 = 0;
  let wrapped = 0;
  let inactive = 0;

  for (const row of source) {
    const id = int(row.id);
    const hash = words(row.password_hash);
    const email = words(row.email)?.toLowerCase() ?? "";
    // Stored as Atelier stores a name it is given (NFKC, spaces collapsed).
    const name = normalizeName(words(row.full_name) ?? ([words(row.first_name), words(row.last_name)].filter(Boolean).join(" ") || email));
    if (id === null || isSystemAccount(id, hash)) {
      if (id !== LEGACY_TEAM_ID) system.push(`${name} <${email}>`);
      continue;
    }
    if (!EMAIL.test(email) || emails.has(email) || id <= 0) {
      duplicateEmails.push(`#${id} ${name} <${email}>`);
      continue;
    }
    emails.add(email);

    const oldRole = words(row.role);
    const role = atelierRole(oldRole, flag(row.is_super_admin));
    if (oldRole !== role) rolesMapped.push(`${oldRole ?? "—"} → ${role} — ${name}`);

    let passwordHash: string;
    if (hash && isLegacyV2Hash(hash)) {
      passwordHash = hash;
      v2++;
    } else {
      const sealed = hash ? await wrapLegacySha256(hash) : null;
      if (sealed) wrapped++;
      else unknownPasswords.push(email);
      // Nothing verifies against "!": the account waits for an admin's reset.
      passwordHash = sealed ?? "!";
    }

    const active = !row.deleted_at && flag(row.is_active, true);
    if (!active) inactive++;
    const key = nameKey(name);
    // Names are unique among active people (lib/accounts/names.ts): a second one keeps its name, unmarked, for an admin to
    // settle; so does one that looks like another's or that Atelier would refuse (lib/accounts/look-alike-names.ts).
    const unique = !active || !activeNames.has(key);
    const looks = lookAlikeKeys(name);
    if (active && (!unique || nameProblem(name) || activeLooks.some((other) => looksAlike(other, looks)))) duplicateNames.push(`${name} <${email}>`);
    if (active && unique) activeNames.add(key);
    if (active) activeLooks.push(looks);

    const createdAt = instant(row.created_at) ?? ctx.now;
    ctx.rows.users.push({
      id,
      email,
      name,
      role,
      password_hash: passwordHash,
      active: active ? 1 : 0,
      last_login_at: instant(row.last_login),
      created_at: createdAt,
      updated_at: instant(row.updated_at) ?? createdAt,
      must_change_password: 0,
      session_version: 0,
      name_key: unique ? key : null,
    });
    ctx.people.add({ id, name, firstName: words(row.first_name), email });
  }

  ctx.count("users", source.length, ctx.rows.users.length);
  addNote(report.imported, "rolesMapped", rolesMapped.length, { items: rolesMapped });
  addNote(report.imported, "passwordsV2", v2);
  addNote(report.imported, "passwordsWrapped", wrapped);
  addNote(report.imported, "inactiveUsers", inactive);
  addNote(report.imported, "duplicateNames", duplicateNames.length, { items: duplicateNames });
  addNote(report.notImported, "systemAccounts", system.length, { items: system });
  addNote(report.notImported, "duplicateEmails", duplicateEmails.length, { items: duplicateEmails });
  addNote(report.notImported, "unknownPasswords", unknownPasswords.length, { items: unknownPasswords });
}
