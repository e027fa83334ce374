import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { getDb } from "./db";
import { isRole, type Role } from "./roles";

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/**
 * The signed-in user, read from the database on every request: a deactivated
 * account or a changed role takes effect at once, whatever the JWT still says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

/** For pages and actions behind sign-in: no user, no page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
