// Runs after `next build` (package.json "build", which OpenNext calls): keeps one
// copy of each server chunk that Turbopack wrote several times under different names.
//
// Turbopack gives each group of route handlers its own copy of the chunks they
// share: the app-route runtime chunk (251 KB) and its neighbours came out byte for
// byte the same, but for their source-map comment, in up to six files. Workers
// bundle every file OpenNext copies, so each copy cost the worker about 70 KiB
// gzip: a change that only moved imports between files (the lib/db split, the
// message reads as GET routes) split the route handlers into more groups and
// took the worker from 2.62 to 3.04 MiB gzip, over the free plan's 3 MiB.
//
// A chunk is a list of module factories keyed by module id, and a route loads it
// by path (`R.c("server/chunks/<name>")`): pointing every route at one of the
// identical files and deleting the others loads exactly the same modules.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// next build writes the server twice: .next/server, and the standalone copy OpenNext bundles.
const servers = [".next/server", ".next/standalone/.next/server"].map((dir) => path.join(root, dir)).filter(existsSync);

const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function dedupe(server) {
  const chunks = filesUnder(path.join(server, "chunks")).filter((file) => file.endsWith(".js"));
  const byContent = new Map();
  for (const file of chunks) {
    const body = readFileSync(file, "utf8").replace(SOURCE_MAP_COMMENT, "");
    const key = createHash("sha256").update(body).digest("hex");
    byContent.set(key, [...(byContent.get(key) ?? []), file]);
  }
  // Each copy's server-relative path, as routes name it, to the one kept.
  const renames = new Map();
  for (const copies of byContent.values()) {
    if (copies.length < 2) continue;
    const [kept, ...others] = copies.sort();
    for (const other of others) renames.set(path.relative(server, other), path.relative(server, kept));
  }
  if (renames.size === 0) return { removed: 0, bytes: 0 };

  const pattern = new RegExp([...renames.keys()].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  for (const file of filesUnder(server)) {
    if (!file.endsWith(".js") && !file.endsWith(".nft.json")) continue;
    const text = readFileSync(file, "utf8");
    const rewritten = text.replace(pattern, (name) => renames.get(name));
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
  let bytes = 0;
  for (const name of renames.keys()) {
    const file = path.join(server, name);
    bytes += statSync(file).size;
    rmSync(file);
    rmSync(`${file}.map`, { force: true });
  }
  return { removed: renames.size, bytes };
}

for (const server of servers) {
  const { removed, bytes } = dedupe(server);
  console.log(`${path.relative(root, server)}: ${removed} duplicate chunk(s) removed (${(bytes / 1024).toFixed(0)} KiB)`);
}
