// `npm run size`: builds the worker and reports what Cloudflare would upload,
// failing when it is over the free plan's 3 MiB gzip or carries an unexpected binary.
import { buildWorker } from "./lib/common.mjs";
import { checkWorkerBundle } from "./lib/worker-bundle.mjs";

buildWorker();
checkWorkerBundle();
