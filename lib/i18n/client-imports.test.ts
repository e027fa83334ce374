// Client components take format() from ./format and words as props, never the
// catalogue index. The end-to-end check (e2e/shell/layout.spec.ts) reads what the
// browser receives, but the bundler drops an index import whose catalogues go
// unused, so a leaky import passes it until someone calls messagesFor() on the
// client. This reads the imports themselves, through every module a client
// component reaches.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const catalogueIndexes = ["lib/i18n/index.ts", "lib/i18n/fr/index.ts", "lib/i18n/en/index.ts"];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [relative] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return path.normalize(candidate);
  }
  return null;
}

/** What a module loads at run time: type-only imports and exports are erased. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null);
}

const directive = (file: string, word: string) => new RegExp(`^\\s*["']use ${word}["']`).test(readFileSync(path.join(root, file), "utf8"));

/** The path from a client component to each module it brings to the browser. */
function clientGraph(entry: string): Map<string, string | null> {
  const cameFrom = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of runtimeImports(file)) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      // A "use server" module reaches the browser as references to its actions only.
      if (!directive(next, "server")) queue.push(next);
    }
  }
  return cameFrom;
}

describe("client bundles", () => {
  const clients = ["app", "components", "lib"].flatMap(sourceFiles).filter((file) => directive(file, "client"));

  it("finds the client components", () => {
    expect(clients.length).toBeGreaterThan(20);
    expect(clients).toContain(path.normalize("components/messages/conversation-view.tsx"));
  });

  it("never reach a catalogue index, directly or through another module", () => {
    const leaks: string[] = [];
    for (const client of clients) {
      const graph = clientGraph(client);
      for (const index of catalogueIndexes) {
        if (!graph.has(index)) continue;
        const chain = [index];
        for (let at = graph.get(index); at; at = graph.get(at)) chain.unshift(at);
        leaks.push(chain.join(" -> "));
      }
    }
    expect(leaks).toEqual([]);
  });
});
