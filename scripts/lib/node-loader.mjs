// Node loader hooks so project scripts (seed, benchmarks) can run the app's own
// TypeScript modules with Node 22's type stripping:
// - Prisma's Cloudflare-flavoured client imports its query compiler as
//   `*.wasm?module` (a workerd/bundler convention): give Node the same thing, a
//   compiled WebAssembly.Module as the default export;
// - the app imports its modules without extensions, as bundlers allow: try `.ts`
//   and `/index.ts` for relative specifiers that do not resolve as written.
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

export async function resolve(specifier, context, nextResolve) {
  if (specifier.endsWith(".wasm?module")) {
    const url = new URL(specifier.slice(0, -"?module".length), context.parentURL);
    return { url: `${url.href}?module`, shortCircuit: true };
  }
  if ((specifier.startsWith("./") || specifier.startsWith("../")) && context.parentURL?.startsWith("file:")) {
    const base = new URL(specifier, context.parentURL);
    // A folder (lib/i18n) exists as written but is not a module: its index.ts is.
    if (!existsSync(fileURLToPath(base)) || statSync(fileURLToPath(base)).isDirectory()) {
      for (const candidate of [`${base.href}.ts`, `${base.href}/index.ts`]) {
        if (existsSync(fileURLToPath(candidate))) return { url: candidate, shortCircuit: true };
      }
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.endsWith(".wasm?module")) {
    const file = JSON.stringify(url.slice(0, -"?module".length));
    const source = `import { readFileSync } from "node:fs";
export default new WebAssembly.Module(readFileSync(new URL(${file})));`;
    return { format: "module", source, shortCircuit: true };
  }
  return nextLoad(url, context);
}
