import { notFound } from "next/navigation";
import { can, type Permission } from "./permissions";
import { requireUser, type CurrentUser } from "./session";

/** For admin pages: signed in, and allowed; anyone else gets the 404 page, not a hint. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) notFound();
  return user;
}
