// The move from the old system as an operator makes it: `npm run import:legacy`
// (scripts/import-legacy.mjs) run as a command against a local D1 of the test's
// own (--persist-to), its sample export (tests/fixtures/igp-export-sample.sql),
// and a folder standing for the old system's R2 bucket.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../../../scripts/lib/migration-diff.mjs";

export const SAMPLE = path.join(ROOT, "tests/fixtures/igp-export-sample.sql");

export function sampleExport(): string {
  return readFileSync(SAMPLE, "utf8");
}

/** A scratch folder for a test's files (exports, bucket copies, databases). */
export function scratch(prefix = "atelier-legacy-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes an export's text to a file of `dir` and returns its path. */
export function exportFile(dir: string, text: string): string {
  const file = path.join(dir, "export.sql");
  writeFileSync(file, text);
  return file;
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** npm run import:legacy -- <args>, as the operator runs it (same flags, same Node). */
export function runImport(args: string[]): CommandResult {
  const result = spawnSync(
    process.execPath,
    ["--no-warnings=ExperimentalWarning", "--import", "./scripts/lib/register-loader.mjs", "scripts/import-legacy.mjs", ...args],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "1" } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `wrangler d1 execute DB --local --persist-to <dir>` with a command or a file; its JSON answer or its error. */
export function wranglerExecute(persistDir: string, input: { command: string } | { file: string }): CommandResult {
  const wrangler = path.join(ROOT, "node_modules/wrangler/bin/wrangler.js");
  const flag = "command" in input ? ["--command", input.command] : ["--file", input.file];
  const result = spawnSync(process.execPath, [wrangler, "d1", "execute", "DB", "--local", "--persist-to", persistDir, "--json", "--yes", ...flag], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The first bytes that make each file what it is (lib/file-types.ts), then some content.
const heads: Record<string, number[]> = {
  jpg: [0xff, 0xd8, 0xff, 0xe0],
  mp4: [0, 0, 0, 0x18, ...Buffer.from("ftypisom")],
};

/**
 * A voice note as MediaRecorder writes it: a WebM segment and cluster of unknown size,
 * no duration, its last block `seconds` in (what lib/legacy/audio-length.ts reads).
 */
export function recordedWebm(seconds: number): Buffer {
  const unknown = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
  const ms = seconds * 1000;
  return Buffer.from([
    ...[0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84, ...Buffer.from("webm")], // EBML header, DocType webm
    ...[0x18, 0x53, 0x80, 0x67, ...unknown], // Segment
    ...[0x1f, 0x43, 0xb6, 0x75, ...unknown], // Cluster
    ...[0xe7, 0x82, (ms >> 8) & 0xff, ms & 0xff], // its Timecode
    ...[0xa3, 0x87, 0x81, 0, 0, 0x80, 1, 2, 3], // a SimpleBlock of track 1 at the cluster's time
    ...[0xec, 0x40, 0x64, ...new Array(100).fill(0)], // Void: the rest of the recording
  ]);
}

/** A folder standing for the old system's bucket: the given keys, each a small file of its extension's kind (a WebM: a recorded note). */
export function oldBucket(dir: string, keys: string[], voiceSeconds = 7): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const key of keys) {
    const ext = key.split(".").pop()!;
    const bytes = ext === "webm" ? recordedWebm(voiceSeconds) : Buffer.concat([Buffer.from(heads[ext] ?? []), Buffer.from(`contenu de ${key} `.repeat(40))]);
    mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    writeFileSync(path.join(dir, key), bytes);
    files.set(key, bytes);
  }
  return files;
}
