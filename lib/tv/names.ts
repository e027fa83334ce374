// Names on the shop's screens: first names only ("Julie"), read from 5 metres by
// anyone passing; two people who share one are told apart by an initial ("Marc G.",
// "Marc T."). Pure.

const words = (name: string) => name.trim().split(/\s+/).filter(Boolean);

/** Each full name as the screen says it, among the names the screen shows together. */
export function firstNames(names: string[]): Map<string, string> {
  const unique = [...new Set(names)];
  const first = new Map(unique.map((name) => [name, words(name)[0] ?? name]));
  const shared = new Map<string, number>();
  for (const short of first.values()) shared.set(short, (shared.get(short) ?? 0) + 1);
  return new Map(
    unique.map((name) => {
      const short = first.get(name)!;
      const last = words(name).slice(1).at(-1);
      return [name, shared.get(short)! > 1 && last ? `${short} ${last[0]!.toLocaleUpperCase()}.` : short];
    }),
  );
}
