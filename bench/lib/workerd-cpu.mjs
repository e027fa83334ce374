// CPU time of the local worker runtime, read from Linux's /proc: the Cloudflare
// plans limit CPU per request (free: 10 ms), and this is the nearest local figure.
// workerd runs the worker and, locally, D1 (SQLite) and R2 in the same process, so
// what it spends per request is an upper bound of the worker's own CPU time.
import { readdirSync, readFileSync } from "node:fs";

// USER_HZ, the unit of utime/stime in /proc/<pid>/stat: 100 on every Linux x64 kernel.
const TICKS_PER_SECOND = 100;

function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) is in parentheses and may hold spaces: split after it.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { ppid: Number(fields[1]), utime: Number(fields[11]), stime: Number(fields[12]) };
}

function commandName(pid) {
  return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
}

/** The workerd processes started (directly or not) by `rootPid`, e.g. a `wrangler dev`. */
export function findWorkerd(rootPid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), stat(entry).ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const descends = (pid) => {
    for (let p = pid; p > 1; p = parents.get(p) ?? 0) if (p === rootPid) return true;
    return false;
  };
  return [...parents.keys()].filter((pid) => descends(pid) && commandName(pid) === "workerd");
}

/** CPU time (user + system, all threads) the processes have used so far, in milliseconds. */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    const { utime, stime } = stat(pid);
    ticks += utime + stime;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Workerd CPU per request: `rounds` rounds of `requests` sequential requests from
 * `send`, after `warmup` unmeasured ones (V8 optimises the hot code only after
 * many calls: with 5 warm-up requests, the same page measured 44 to 63 ms from
 * one run to the next). Each round subtracts what the idle runtime spent over
 * the same wall time (timers, the inspector), measured just before; the median
 * round is reported, with the spread.
 */
export async function cpuPerRequest(pids, send, { requests = 40, warmup = 40, rounds = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await send();
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const idleStart = cpuMs(pids);
    const idleStarted = performance.now();
    await new Promise((r) => setTimeout(r, 1000));
    const idleRate = (cpuMs(pids) - idleStart) / (performance.now() - idleStarted);
    const before = cpuMs(pids);
    const started = performance.now();
    for (let i = 0; i < requests; i++) await send();
    const wall = performance.now() - started;
    const spent = cpuMs(pids) - before;
    results.push({ perRequest: Math.max(0, spent - idleRate * wall) / requests, raw: spent / requests, wallPerRequest: wall / requests });
  }
  results.sort((a, b) => a.perRequest - b.perRequest);
  const median = results[Math.floor(results.length / 2)];
  return { ...median, min: results[0].perRequest, max: results.at(-1).perRequest };
}
