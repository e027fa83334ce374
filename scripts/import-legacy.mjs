// npm run import:legacy -- <export.sql> [--dry-run] [--remote] [--bucket <dir or binding>] [--lang en] [--yes] [--persist-to DIR]
//
// Moves a plant from the old system (igp-maintenance) to Atelier: an export of its
// D1 database (`wrangler d1 export`) into an EMPTY Atelier database, the local one
// or, with --remote and a confirmation, the deployed one; the files of its R2
// bucket (a folder holding a copy of it, or an R2 binding) into Atelier's. One
// transaction: all of it or nothing. Ends with the report: what was imported per
// kind, and what was not, with the reason for each. docs/deploy.md, "Moving from
// the old system", gives the whole move step by step.
import { parseArgs } from "node:util";
import { importLegacy } from "./lib/legacy-import.mjs";

const usage =
  "Usage: npm run import:legacy -- <export.sql> [--dry-run] [--remote] [--bucket <dir or binding>] [--lang fr|en] [--yes] [--persist-to DIR]";

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      remote: { type: "boolean", default: false },
      bucket: { type: "string" },
      lang: { type: "string", default: "fr" },
      yes: { type: "boolean", default: false },
      "persist-to": { type: "string" },
    },
  });
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(1);
}
const { values, positionals } = parsed;
if (positionals.length !== 1 || !["fr", "en"].includes(values.lang) || (values.remote && values["persist-to"])) {
  console.error(usage);
  process.exit(1);
}

const result = await importLegacy({
  file: positionals[0],
  dryRun: values["dry-run"],
  remote: values.remote,
  bucket: values.bucket,
  lang: values.lang,
  yes: values.yes,
  persistTo: values["persist-to"],
});
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
