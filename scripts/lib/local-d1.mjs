// Opens a local D1 (the same files `wrangler d1 ... --local [--persist-to DIR]`
// and `wrangler dev` use) from Node, with the project's Prisma client.
// Run under `node --import ./scripts/lib/register-loader.mjs` so the client's wasm loads.
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { PrismaD1 } from "@prisma/adapter-d1";
import { root } from "./common.mjs";

/** wrangler keeps its state under DIR/v3; with no DIR, under .wrangler/state/v3. */
export function persistPath(persistTo) {
  return path.join(root, persistTo ?? path.join(".wrangler", "state"), "v3");
}

export async function openLocalDb(persistTo) {
  const proxy = await getPlatformProxy({
    configPath: path.join(root, "wrangler.jsonc"),
    persist: { path: persistPath(persistTo) },
  });
  const { PrismaClient } = await import("../../lib/generated/prisma/client.ts");
  const db = new PrismaClient({ adapter: new PrismaD1(proxy.env.DB) });
  return {
    db,
    env: proxy.env,
    async close() {
      await db.$disconnect();
      await proxy.dispose();
    },
  };
}

export function persistToArg(argv = process.argv.slice(2)) {
  const index = argv.indexOf("--persist-to");
  return index >= 0 ? argv[index + 1] : undefined;
}
