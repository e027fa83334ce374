// Timing a page of the built worker from outside, the way bench:search and
// bench:stats report it: p50 / p95 response time over `requests` sequential
// GETs, and the D1 queries one render makes, counted from the worker's own log
// (a worker started by query-logging-worker.mjs).

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** p50 and p95 of a list of times. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** One page's p50 / p95 over `requests` GETs (after a warm one) and its D1 queries per render. */
export async function timePage(url, { cookie, log, requests = 20 }) {
  const get = async () => {
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    await response.text();
  };
  await get();
  await sleep(300);
  const before = log.queries;
  await get();
  await sleep(500); // let the worker's log lines arrive
  const queries = log.queries - before;
  const times = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await get();
    times.push(performance.now() - started);
  }
  return { ...stats(times), queries };
}
