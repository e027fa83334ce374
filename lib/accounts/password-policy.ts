// The one password policy, for accounts created or reset by an admin and for a
// user's own change. Kept pure so the rule is unit-tested in one place.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

// The demo logins are printed in the README and by `npm start`: anyone can read
// them, so none may become a real password (prisma/seed.ts; a test keeps the two in step).
const publishedPasswords = [
  "Atelier-Admin-2026",
  "Atelier-Superviseur-2026",
  "Atelier-Technicien-2026",
  "Atelier-Operateur-2026",
].map((p) => p.toLowerCase());

export type PasswordProblem = "tooShort" | "tooLong" | "published";

/** null when the password is acceptable. */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  if (publishedPasswords.includes(password.trim().toLowerCase())) return "published";
  return null;
}
