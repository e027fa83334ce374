// `npm run size`: builds the worker and reports what Cloudflare would upload,
// failing when it is over the free plan's 3 MiB gzip or carries an unexpected binary.
import { buildWorker, ensureDependencies, generateCode } from "./lib/common.mjs";
import { checkWorkerBundle } from "./lib/worker-bundle.mjs";

// Like npm start and npm test, it works on a fresh clone: install from the lockfile, generate Prisma's client.
ensureDependencies();
generateCode();
buildWorker();
checkWorkerBundle();
