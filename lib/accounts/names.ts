// Display names are unique among active users, so a comment signed "Sophie
// Tremblay" is from the one Sophie Tremblay: an operator cannot rename
// themselves to the admin's name. Case and accents do not make a new name
// ("élise roy" is "Élise Roy"), and neither do hidden characters or look-alike
// letters (look-alike-names.ts). lib/accounts/users.ts refuses a taken name; the
// stored users.name_key and its partial unique index (migration 0008) settle two
// writes at the same moment. No imports: the seed and the messages' mentions use
// this too, and the confusables table stays out of their bundles.

/** A display name as compared: without case, accents or repeated spaces. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/\s+/g, " ")
    .trim();
}
