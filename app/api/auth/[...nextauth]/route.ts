// Auth.js' own endpoints (session, CSRF, callback); the only API route the app has.
import { handlers } from "@/lib/accounts/auth";

export const { GET, POST } = handlers;
