// Helpers around a local `wrangler dev --test-scheduled`.

export async function waitForServer(url, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const FIVE_MINUTES = 5 * 60 * 1000;

/**
 * Local wrangler never fires cron triggers by itself: call its /__scheduled
 * endpoint on every 5-minute boundary of the clock, as Cloudflare would.
 */
export function startCronTicker(origin, { cron = "*/5 * * * *", log = console.log } = {}) {
  let timer;
  const nextBoundary = () => new Date(Math.floor(Date.now() / FIVE_MINUTES) * FIVE_MINUTES + FIVE_MINUTES);
  const schedule = () => {
    timer = setTimeout(fire, nextBoundary().getTime() - Date.now());
  };
  const fire = async () => {
    schedule();
    try {
      const response = await fetch(`${origin}/__scheduled?cron=${encodeURIComponent(cron)}`);
      if (!response.ok) log(`cron trigger answered ${response.status}`);
    } catch (error) {
      log(`cron trigger failed: ${error.message}`);
    }
  };
  schedule();
  return { stop: () => clearTimeout(timer), next: nextBoundary };
}
