/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string") return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/sign-in") || value.startsWith("/sign-out") || value.startsWith("/api/")) return "/";
  return value;
}
