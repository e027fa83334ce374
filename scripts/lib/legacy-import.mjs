// The move from the old system, as scripts/import-legacy.mjs runs it: read the
// export, plan Atelier's rows (lib/legacy/), check the bucket's files, refuse a
// database that holds data, then copy the files and write every row with one
// `wrangler d1 execute --file` (one transaction: all of it or nothing), and check
// the counts. Run under `node --import ./scripts/lib/register-loader.mjs`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { unstable_readConfig } from "wrangler";
import { root, runQuiet } from "./common.mjs";
import { openDestination, openSource } from "./legacy-bucket.mjs";

const { readExport, UnreadableExport } = await import("../../lib/legacy/read-export.ts");
const { planImport } = await import("../../lib/legacy/plan.ts");
const { detectedType, settleFiles } = await import("../../lib/legacy/files.ts");
const { audioSeconds } = await import("../../lib/legacy/audio-length.ts");
const { formatReport } = await import("../../lib/legacy/report.ts");
const { expectedCounts, importFile, importStatements, NOT_EMPTY_ERROR } = await import("../../lib/legacy/statements.ts");

const words = {
  fr: {
    unreadable: (file, reason) => `Le fichier ${file} n’est pas un export SQL lisible (wrangler d1 export) : ${reason}`,
    noBucket: (bucket) => `--bucket ${bucket} : ni un dossier, ni une liaison R2 de wrangler.jsonc.`,
    noTables: "La base d’Atelier n’a pas ses tables : appliquez d’abord les migrations (wrangler d1 migrations apply DB --remote).",
    notEmpty: (counts) =>
      `Refusé : la base d’Atelier contient déjà des données (${counts}). L’import se fait dans une base vide, avant de créer le moindre compte ; rien n’a été écrit.`,
    wouldRefuse: (counts) => `Une vraie exécution serait refusée : la base d’Atelier contient déjà des données (${counts}).`,
    confirm: (name) => `Importer dans la base de PRODUCTION « ${name} » ? Tapez son nom pour confirmer : `,
    cancelled: "Annulé : rien n’a été écrit.",
    copying: (n) => `Copie de ${n} fichier(s) vers le bucket d’Atelier…`,
    copied: (n) => `${n} fichier(s) copié(s).`,
    writing: (statements, kib) => `Écriture : ${statements} instructions SQL (${kib} Kio) en une transaction…`,
    failed: (reason) => `L’import a échoué : ${reason}\nLa base est restée telle qu’elle était (une seule transaction) ; corrigez la cause et relancez la même commande.`,
    counts: "Contrôle des tables d’Atelier (attendu = trouvé) :",
    mismatch: "Des comptes diffèrent : voir ci-dessus.",
    done: (seconds) => `Import terminé en ${seconds} s.`,
  },
  en: {
    unreadable: (file, reason) => `${file} is not a readable SQL export (wrangler d1 export): ${reason}`,
    noBucket: (bucket) => `--bucket ${bucket}: neither a folder nor an R2 binding of wrangler.jsonc.`,
    noTables: "Atelier’s database has no tables: apply the migrations first (wrangler d1 migrations apply DB --remote).",
    notEmpty: (counts) => `Refused: Atelier’s database already holds data (${counts}). Import into an empty database, before creating any account; nothing was written.`,
    wouldRefuse: (counts) => `A real run would be refused: Atelier’s database already holds data (${counts}).`,
    confirm: (name) => `Import into the PRODUCTION database “${name}”? Type its name to confirm: `,
    cancelled: "Cancelled: nothing was written.",
    copying: (n) => `Copying ${n} file(s) to Atelier’s bucket…`,
    copied: (n) => `${n} file(s) copied.`,
    writing: (statements, kib) => `Writing: ${statements} SQL statements (${kib} KiB) in one transaction…`,
    failed: (reason) => `The import failed: ${reason}\nThe database is as it was (one transaction); fix the cause and run the same command again.`,
    counts: "Atelier’s tables (expected = found):",
    mismatch: "Some counts differ: see above.",
    done: (seconds) => `Import done in ${seconds} s.`,
  },
};

/** `wrangler d1 execute DB` on the local database (or --remote), as JSON. */
function d1(args, { remote, persistTo }) {
  const target = remote ? ["--remote"] : ["--local", ...(persistTo ? ["--persist-to", path.resolve(root, persistTo)] : [])];
  const result = runQuiet("wrangler", ["d1", "execute", "DB", ...target, "--json", "--yes", ...args]);
  if (result.status !== 0) {
    const text = `${result.stdout ?? ""}\n${result.stderr ?? ""}`;
    let message = text.trim();
    try {
      message = JSON.parse(result.stdout).error?.text ?? message;
    } catch {
      // not JSON: the text as it came
    }
    return { ok: false, error: message };
  }
  try {
    return { ok: true, results: JSON.parse(result.stdout) };
  } catch {
    // A file run remotely may say more than its JSON: it succeeded all the same.
    return { ok: true, results: null };
  }
}

const DATA_TABLES = ["users", "machines", "tickets", "messages"];

/** What the target holds in the tables that make it "not empty", or null when it has no tables yet. */
function targetData(target) {
  const query = `SELECT ${DATA_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(", ")}`;
  const answer = d1(["--command", query], target);
  if (!answer.ok) {
    if (/no such table/i.test(answer.error)) return null;
    throw new Error(answer.error);
  }
  return answer.results[0].results[0];
}

const described = (data) =>
  Object.entries(data)
    .filter(([, n]) => Number(n) > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");

/**
 * Runs one import. Returns { ok, report, seconds }; prints as it goes through `log`.
 * options: file, dryRun, remote, bucket, persistTo, lang, yes, now, log, confirm.
 */
export async function importLegacy(options) {
  const { file, dryRun = false, remote = false, bucket, persistTo, lang = "fr", yes = false, log = console.log } = options;
  const w = words[lang];
  const started = performance.now();
  const now = options.now ?? new Date();
  const target = { remote, persistTo };

  let source;
  try {
    source = readExport(readFileSync(path.resolve(process.cwd(), file), "utf8"));
  } catch (error) {
    if (error instanceof UnreadableExport || error.code === "ENOENT") return { ok: false, message: w.unreadable(file, error.message) };
    throw error;
  }

  // A local database gets its migrations as `npm start` gives them; a deployed one has had them (the guide's step).
  if (!remote) {
    const migrate = runQuiet("wrangler", ["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", path.resolve(root, persistTo)] : [])], {
      env: { CI: "1" },
    });
    if (migrate.status !== 0) return { ok: false, message: migrate.stderr || migrate.stdout };
  }
  const data = targetData(target);
  if (data === null) return { ok: false, message: w.noTables };
  const empty = DATA_TABLES.every((t) => Number(data[t]) === 0);
  if (!empty && !dryRun) return { ok: false, message: w.notEmpty(described(data)) };

  const plan = await planImport(source, { now });
  const old = bucket ? await openSource(bucket, target) : null;
  if (bucket && !old) return { ok: false, message: w.noBucket(bucket) };
  try {
    let checks = null;
    if (old) {
      checks = new Map();
      for (const { key, use } of plan.files) {
        if (checks.has(key)) continue;
        const found = await old.check(key);
        // A voice note's length, which the old system never measured, read from the whole file (10 MB at most).
        const audio = found && use === "audio" ? detectedType("audio", found.head) : null;
        checks.set(key, audio ? { ...found, seconds: audioSeconds(new Uint8Array(await old.read(key)), audio) } : found);
      }
    }
    const copy = settleFiles(plan, checks);
    log(formatReport(plan.report, lang, { dryRun }));
    log("");
    if (dryRun) {
      if (!empty) log(w.wouldRefuse(described(data)));
      return { ok: true, report: plan.report, plan, seconds: (performance.now() - started) / 1000 };
    }

    if (remote && !yes) {
      const name = unstable_readConfig({ config: path.join(root, "wrangler.jsonc") }).d1_databases.find((d) => d.binding === "DB")?.database_name;
      const answer = await (options.confirm ?? ask)(w.confirm(name));
      if (answer.trim() !== name) return { ok: false, message: w.cancelled };
    }

    // Files first: a row never names a file the import could have copied and did not. A
    // failure of the rows afterwards leaves copies that nothing names, overwritten by the next run.
    const toCopy = old?.binding === "MEDIA" ? [] : copy;
    if (toCopy.length) {
      log(w.copying(toCopy.length));
      const atelier = await openDestination(target);
      try {
        for (const ref of toCopy) await atelier.put(ref.key, await old.read(ref.key), typeOf(plan.rows, ref));
      } finally {
        await atelier.close();
      }
      log(w.copied(toCopy.length));
    }

    const statements = importStatements(plan, now);
    const sql = importFile(statements);
    const scratch = mkdtempSync(path.join(tmpdir(), "atelier-import-"));
    try {
      const sqlFile = path.join(scratch, "import.sql");
      writeFileSync(sqlFile, sql);
      log(w.writing(statements.length, Math.round(Buffer.byteLength(sql) / 1024)));
      const written = d1(["--file", sqlFile], target);
      if (!written.ok) {
        if (NOT_EMPTY_ERROR.test(written.error)) return { ok: false, message: w.notEmpty(described(targetData(target))) };
        return { ok: false, message: w.failed(written.error) };
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }

    const matches = checkCounts(plan, target, log, w);
    const seconds = (performance.now() - started) / 1000;
    log(matches ? w.done(seconds.toFixed(1)) : w.mismatch);
    return { ok: matches, report: plan.report, plan, seconds, message: matches ? undefined : w.mismatch };
  } finally {
    await old?.close();
  }
}

/** The type Atelier serves a file as: its row's, settled from its bytes. */
function typeOf(rows, ref) {
  if (ref.table === "media") return rows.media.find((m) => m.id === ref.id).file_type;
  if (ref.table === "messages") return rows.messages.find((m) => m.id === ref.id).audio_type;
  return rows.message_attachments.find((a) => a.id === ref.id).file_type;
}

/** Each table Atelier wrote holds the rows the plan made (settings: at least, an admin may have saved one before). */
function checkCounts(plan, target, log, w) {
  const expected = expectedCounts(plan);
  // One row of subqueries: D1 caps a compound SELECT at a few terms.
  const query = `SELECT ${Object.keys(expected).map((table) => `(SELECT COUNT(*) FROM ${table}) AS ${table}`).join(", ")}`;
  const answer = d1(["--command", query], target);
  if (!answer.ok) throw new Error(answer.error);
  const found = Object.fromEntries(Object.entries(answer.results[0].results[0]).map(([table, n]) => [table, Number(n)]));
  log(w.counts);
  let ok = true;
  for (const [table, n] of Object.entries(expected)) {
    const good = table === "settings" ? found[table] >= n : found[table] === n;
    ok &&= good;
    log(`  ${good ? "✓" : "✗"} ${table.padEnd(21)} ${n} = ${found[table]}`);
  }
  return ok;
}

async function ask(question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
