// What one request knows about its visitor: who is signed in, the factory's
// settings, the language to answer in. Each is read at most once per request
// (React's cache), however many components ask.
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./accounts/auth";
import { clientAddress } from "./accounts/sign-in";
import { getDb } from "./db/client";
import { isLocale, LOCALE_COOKIE, messagesFor, pickLocale, type Locale, type Messages } from "./i18n";
import { countUnread } from "./messages/queries";
import { countUnreadNotifications } from "./notifications/queries";
import { can, isGuest, isRole, type Permission, type Role, type TicketReader } from "./permissions";
import { getSettings, type Settings } from "./settings/settings";

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

/** The request's Auth.js session, checked once (lib/accounts/auth.ts' jwt callback reads the database). */
export const getSession = cache(() => auth());

/** Where the request comes from (Cloudflare's connecting IP), for the throttle of password checks. */
export async function getClientAddress(): Promise<string> {
  return clientAddress(await headers());
}

/**
 * The signed-in user, read from the database on every request: a deactivated
 * account or a changed role takes effect at once, whatever the JWT still says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getSession();
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

/** Whether a page or a route takes guests (lib/permissions.ts): only their conversations and their profile do. */
export interface GuestOptions {
  guests?: boolean;
}

/**
 * For pages behind sign-in: no user, no page; a user who must replace a
 * temporary password gets the change-password page instead, on every page. A
 * guest gets a 404 on every page that does not say it takes guests: a new page
 * is closed to them unless it opens itself ({ guests: true }).
 */
export async function requireUser({ guests = false }: GuestOptions = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!guests && isGuest(user)) notFound();
  return user;
}

/**
 * For route handlers that serve the app's own data (photos, voice notes, CSV): the
 * user who may use the app, or the answer for one who may not. 401 signed out; 403
 * while an admin-set password awaits replacement, since the app is closed until
 * then (pages send them to the change-password page; a file cannot); 404 to a
 * guest, unless the route takes guests, as for pages.
 */
export async function requireRouteUser({ guests = false }: GuestOptions = {}): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (user.mustChangePassword) return new Response(null, { status: 403 });
  if (!guests && isGuest(user)) return new Response(null, { status: 404 });
  return user;
}

/** For pages a role may not see: a 404, which tells nothing about what is there. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) notFound();
  return user;
}

/** Settings for this request: read once, however many components ask. */
export const getRequestSettings = cache(async (): Promise<Settings> => getSettings(await getDb()));

/**
 * The header's unread counts. A page renders the shell twice: its own, and the
 * root 404's, which Next renders ahead on every request in case a notFound()
 * needs it; both read these once.
 */
export const getUnreadMessageCount = cache(async (userId: number): Promise<number> => countUnread(await getDb(), userId));
export const getUnreadNotificationCount = cache(async (userId: number): Promise<number> => countUnreadNotifications(await getDb(), userId));

export type CurrentReader = CurrentUser & TicketReader;

/** The user as a reader of tickets: who they are, and what the plant lets operators see. */
export async function asTicketReader(user: CurrentUser): Promise<CurrentReader> {
  return { ...user, visibility: (await getRequestSettings()).operatorTicketVisibility };
}

/** For pages that show tickets: requireUser, as a reader of tickets. */
export async function requireTicketReader(): Promise<CurrentReader> {
  return asTicketReader(await requireUser());
}

/** The visitor's language (see pickLocale); the user and settings are read only when no cookie decides. */
export const getLocale = cache(async (): Promise<Locale> => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const user = await getCurrentUser();
  return pickLocale(cookie, user?.locale, user?.locale ? undefined : (await getRequestSettings()).defaultLocale);
});

export async function getMessages(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await getLocale();
  return { locale, t: messagesFor(locale) };
}
