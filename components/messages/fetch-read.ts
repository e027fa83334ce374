// The browser's side of the messages' read routes (app/(app)/messages/read/,
// lib/read-route.ts): plain GETs, so they run beside a send in progress.

type Query = Record<string, string | number | string[] | undefined>;

/**
 * The route's data, or null when it refused (signed out, not in the
 * conversation): asking again would be refused too. Throws when the request did
 * not arrive or the server failed, so the caller tries again later.
 */
export async function fetchRead<T>(path: string, query: Query = {}): Promise<T | null> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, String(one));
  }
  const response = await fetch(params.size ? `${path}?${params}` : path, { cache: "no-store", credentials: "same-origin" });
  if (response.ok) return (await response.json()) as T;
  if (response.status >= 500) throw new Error(`${path}: ${response.status}`);
  return null;
}
