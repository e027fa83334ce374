import path from "node:path";
import { readFileSync } from "node:fs";
import { defineConfig, type Plugin } from "vitest/config";

// Prisma's Cloudflare client imports its query compiler as `*.wasm?module`
// (a workerd convention); give Node the same compiled module.
function wasmModule(): Plugin {
  return {
    name: "wasm-module",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!source.endsWith(".wasm?module") || !importer) return null;
      return `\0wasm:${path.resolve(path.dirname(importer), source.slice(0, -"?module".length))}`;
    },
    load(id) {
      if (!id.startsWith("\0wasm:")) return null;
      const file = id.slice("\0wasm:".length);
      readFileSync(file); // fail here, clearly, if the client was not generated
      return `import { readFileSync } from "node:fs";\nexport default new WebAssembly.Module(readFileSync(${JSON.stringify(file)}));`;
    },
  };
}

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  plugins: [wasmModule()],
  resolve: { alias },
  test: {
    projects: [
      {
        plugins: [wasmModule()],
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "cron/**/*.test.ts"], environment: "node" },
      },
      {
        plugins: [wasmModule()],
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file migrates its databases with the wrangler CLI and starts miniflare;
          // beside another build on 2 cores (load 12-16) a seeding beforeAll took over
          // 3 minutes and the 200-ticket concurrency test over 2. Limits to catch a hang,
          // not to time the work.
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // Each file starts its own local D1 (miniflare); two at a time suit 2 cores.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
});
