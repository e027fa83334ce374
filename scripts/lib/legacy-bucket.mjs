// The files of an import from the old system (npm run import:legacy): read from
// its bucket, given as a folder (a copy of the bucket, e.g. `rclone copy`, keys as
// paths) or as an R2 binding of wrangler.jsonc; written to Atelier's bucket
// (binding MEDIA) under the same keys: the local one, or with --remote the
// deployed one, one `wrangler r2 object put` per file.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPlatformProxy, unstable_readConfig } from "wrangler";
import { root, runQuiet } from "./common.mjs";

const configPath = path.join(root, "wrangler.jsonc");

/** First 16 bytes and size of a file: what lib/legacy/files.ts decides by. */
function headOfFile(file) {
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    const read = readSync(fd, head, 0, 16, 0);
    return { size: statSync(file).size, head: new Uint8Array(head.subarray(0, read)) };
  } finally {
    closeSync(fd);
  }
}

/** Local bindings (D1, R2) of the state under `persistTo` (or .wrangler/state); remote ones with `remote`. */
export async function platform({ persistTo, remote = false }) {
  return getPlatformProxy({
    configPath,
    persist: { path: path.join(path.resolve(root, persistTo ?? ".wrangler/state"), "v3") },
    remoteBindings: remote,
  });
}

/**
 * The old bucket: a folder (an existing directory) or an R2 binding's name. Each
 * object is checked (size and first bytes) and read by its key.
 */
export async function openSource(bucket, options) {
  const folder = path.resolve(process.cwd(), bucket);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    const file = (key) => {
      const full = path.resolve(folder, key);
      // A key is a path inside the folder, never outside it.
      return full.startsWith(folder + path.sep) && existsSync(full) && statSync(full).isFile() ? full : null;
    };
    return {
      label: folder,
      async check(key) {
        const full = file(key);
        return full ? headOfFile(full) : null;
      },
      async read(key) {
        return readFileSync(file(key));
      },
      async close() {},
    };
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(bucket)) return null;
  const proxy = await platform(options);
  const r2 = proxy.env[bucket];
  if (!r2 || typeof r2.head !== "function") {
    await proxy.dispose();
    return null;
  }
  return {
    label: bucket,
    binding: bucket,
    async check(key) {
      const object = await r2.get(key, { range: { offset: 0, length: 16 } });
      if (!object) return null;
      return { size: object.size, head: new Uint8Array(await object.arrayBuffer()) };
    },
    async read(key) {
      const object = await r2.get(key);
      return Buffer.from(await object.arrayBuffer());
    },
    async close() {
      await proxy.dispose();
    },
  };
}

/** Atelier's bucket (binding MEDIA): put each file under its key, with the type its row serves it as. */
export async function openDestination({ persistTo, remote }) {
  if (remote) {
    const config = unstable_readConfig({ config: configPath });
    const bucketName = config.r2_buckets.find((b) => b.binding === "MEDIA")?.bucket_name;
    const scratch = mkdtempSync(path.join(tmpdir(), "atelier-import-"));
    return {
      async put(key, bytes, type) {
        const file = path.join(scratch, "object");
        writeFileSync(file, bytes);
        const result = runQuiet("wrangler", ["r2", "object", "put", `${bucketName}/${key}`, "--remote", "--file", file, "--content-type", type]);
        if (result.status !== 0) throw new Error(`wrangler r2 object put ${key}: ${result.stderr || result.stdout}`);
      },
      async close() {
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  }
  const proxy = await platform({ persistTo });
  return {
    async put(key, bytes, type) {
      await proxy.env.MEDIA.put(key, bytes, { httpMetadata: { contentType: type } });
    },
    async close() {
      await proxy.dispose();
    },
  };
}
