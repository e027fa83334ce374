// Node loader hooks for Prisma's Cloudflare-flavoured client, which imports its
// query compiler as `*.wasm?module` (a workerd/bundler convention). Node gets
// the same thing: a compiled WebAssembly.Module as the default export.
export async function resolve(specifier, context, nextResolve) {
  if (specifier.endsWith(".wasm?module")) {
    const url = new URL(specifier.slice(0, -"?module".length), context.parentURL);
    return { url: `${url.href}?module`, shortCircuit: true };
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
