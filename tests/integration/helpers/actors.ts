import type { Db } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import type { ActionContext, Actor } from "@/lib/operation";
import { allRoles, type Role } from "@/lib/permissions";

export type Cast = Record<Role, Actor>;

/** One user per role, a guest too, as the operations see them (what the session would give). */
export async function createCast(db: Db, tag = "it"): Promise<Cast> {
  const cast = {} as Cast;
  for (const role of allRoles) {
    const email = `${role}.${tag}@atelier.test`;
    const user = await db.user.create({ data: { email, name: `${role} ${tag}`, role, passwordHash: "x" } });
    cast[role] = { id: user.id, name: user.name, email, role };
  }
  return cast;
}

export function contextFor(db: Db, user: Actor, extra: Partial<ActionContext> = {}): ActionContext {
  return { db, user, t: messagesFor("fr"), locale: "fr", ...extra };
}

export async function createMachineRow(db: Db, name = "Presse") {
  return db.machine.create({ data: { machineType: name, model: "X1" } });
}
