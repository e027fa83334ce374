import type { Separator } from "./csv";
import type { Locale } from "../i18n";
import { getLocale } from "../request";
import { getRequestSettings } from "../request";
import { requireRouteUser, type CurrentUser } from "../request";
import { Refusal } from "../operation";

export interface DownloadContext {
  user: CurrentUser;
  locale: Locale;
  separator: Separator;
  timeZone: string;
  params: URLSearchParams;
}

/** `sep=semicolon|comma`; by default what Excel expects in the reader's language. */
export function separatorFor(param: string | null, locale: Locale): Separator {
  if (param === "comma") return ",";
  if (param === "semicolon") return ";";
  return locale === "fr" ? ";" : ",";
}

/**
 * A CSV download behind the session: signed out is 401, a user who must first
 * replace a temporary password or lacks the permission is 403.
 */
export async function csvDownload(request: Request, name: string, build: (context: DownloadContext) => Promise<string>) {
  const user = await requireRouteUser();
  if (user instanceof Response) return user;
  const [locale, settings] = await Promise.all([getLocale(), getRequestSettings()]);
  const params = new URL(request.url).searchParams;
  let text: string;
  try {
    text = await build({ user, locale, separator: separatorFor(params.get("sep"), locale), timeZone: settings.timeZone, params });
  } catch (error) {
    if (error instanceof Refusal && error.code === "forbidden") return new Response(null, { status: 403 });
    throw error;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
