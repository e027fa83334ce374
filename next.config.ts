import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { initOpenNextCloudflareForDev } from "@opennextjs/cloudflare";
import { MAX_REQUEST_BYTES } from "./lib/request-size";

// Left to OpenNext's bundler, which includes each once: Turbopack copies a
// route handler's dependencies into that handler's own chunk, so with five
// handlers zod alone was bundled five times (~0.25 MiB gzip of the 3 MiB budget).
const serverExternalPackages = ["zod", "@prisma/client", "@prisma/adapter-d1"];

// Next's wasm loader resolves chunk paths at run time (`resolve(root, chunkPath)`),
// which its tracer reads as "any file under node_modules": every installed package
// is traced, and OpenNext bundles every traced `.wasm` into the worker. A deny-list of
// build-only packages broke whenever an install brought a new one
// (@tailwindcss/oxide-wasm32-wasi: +0.55 MiB gzip, over the free plan's 3 MiB).
// So the trace keeps only what the server can require at run time: Next, React and
// the external packages above, with their dependencies. Everything else Turbopack has
// already bundled into .next/server. A package wrongly left out should stop OpenNext's
// esbuild step (it bundles with no externals and cannot resolve it), and otherwise the
// end-to-end tests, rather than silently costing the budget.
const runtimeRoots = ["next", "react", "react-dom", ...serverExternalPackages];
const nodeModules = path.join(process.cwd(), "node_modules");

/** Where Node would find `name` from `fromDir`: nearest node_modules up the tree. */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === path.dirname(dir)) return undefined;
  }
}

/** The runtime roots and their `dependencies`, transitively (optional and peer ones are not needed to run). */
function runtimePackages(): Set<string> {
  const seen = new Set<string>();
  const queue = runtimeRoots.map((name) => ({ name, from: process.cwd() }));
  for (let item = queue.pop(); item; item = queue.pop()) {
    const dir = packageDir(item.name, item.from);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies ?? {})) queue.push({ name, from: dir });
  }
  // Nested copies (node_modules/x/node_modules/y) stay with their parent x.
  return new Set([...seen].map((dir) => path.relative(nodeModules, dir)).filter((name) => !name.includes("node_modules")));
}

/** Every package installed at the top of node_modules, scoped ones as `@scope/name`. */
function installedPackages(): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules).flatMap((entry) =>
    entry.startsWith("@") ? readdirSync(path.join(nodeModules, entry)).map((name) => `${entry}/${name}`) : [entry],
  );
}

function buildOnlyTrace(): string[] {
  const runtime = runtimePackages();
  const buildOnly = installedPackages().filter((name) => !runtime.has(name));
  return [
    // One brace pattern, not one per package: Next tests every traced file against every exclude.
    ...(buildOnly.length ? [`node_modules/${buildOnly.length === 1 ? buildOnly[0] : `{${buildOnly.join(",")}}`}/**`] : []),
    // Native addons never run on workerd, and the worker's own wasm (Prisma's query
    // compiler) is a Turbopack chunk under .next/server, never a node_modules path.
    "node_modules/**/*.{wasm,node}",
    // Next's image-generation library (~1.4 MiB with its wasm); add it back if `next/og` is used.
    "node_modules/next/dist/compiled/@vercel/og/**",
    ".wrangler/**",
    ".open-next/**",
    "e2e/**",
    "tests/**",
    "bench/**",
  ];
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  outputFileTracingExcludes: { "*": buildOnlyTrace() },
  serverExternalPackages,
  // A video may be 50 MB (lib/file-types.ts); the 1 MB default would refuse it
  // before our own check could answer with a clear message. worker.ts answers 413
  // past the same limit, before Next reads the body.
  experimental: { serverActions: { bodySizeLimit: MAX_REQUEST_BYTES } },
};

export default nextConfig;

initOpenNextCloudflareForDev();
