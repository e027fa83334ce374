// Apart from the catalogues so client components can fill templates without
// shipping every language's strings to the browser.

/** Fills `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
