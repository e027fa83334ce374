// Parsing happens against a placeholder origin: only the path, query and hash
// of the result are kept, so the app's real origin never needs to be known and
// a value that the URL parser resolves to any other origin is refused.
const BASE = new URL("https://atelier.invalid");

// Browsers strip tabs and newlines from URLs and read "\" as "/", so
// "/\t/evil.example" or "/\\evil.example" become "//evil.example" (another
// site) once followed; a raw newline in a Location header is also a 500.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

const LOOPING_PREFIXES = ["/sign-in", "/sign-out", "/api/"];

/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (UNSAFE_CHARACTERS.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  // Dot segments can still fold into "//" ("/.//evil.example" parses to "//evil.example").
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (LOOPING_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return "/";
  return path;
}
