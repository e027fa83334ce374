import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "./auth";
import { getDb } from "./db";
import { isLocale, type Locale } from "./i18n";
import { can, type Permission } from "./permissions";
import { isRole, type Role } from "./roles";

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** Set by an admin (new account, reset): the app is closed until the user picks their own. */
  mustChangePassword: boolean;
  /** Preferred language; null follows the factory's default. */
  locale: Locale | null;
}

export const CHANGE_PASSWORD_PATH = "/change-password";

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
    select: { id: true, name: true, email: true, role: true, active: true, mustChangePassword: true, locale: true },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    locale: isLocale(user.locale) ? user.locale : null,
  };
});

/**
 * For pages behind sign-in: no user, no page; a user who must replace a
 * temporary password gets the change-password page instead, on every page.
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** For pages a role may not see: a 404, which tells nothing about what is there. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) notFound();
  return user;
}
