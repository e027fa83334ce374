// What a label sheet prints: the chosen machines, in the order chosen, each
// with the absolute URL its QR code carries and that code, drawn once for both
// the page and the PDF.
import { headers } from "next/headers";
import type { Db } from "../db/client";
import { getSettings } from "../settings/settings";
import { getWebhookEnv } from "../webhooks/config";
import { machineLabelUrl } from "./labels";
import { qrDrawing } from "./qr-code";
import { machineLabel } from "./model";

/** D1 binds at most 100 values per query. */
const CHUNK = 100;

export async function listLabelMachines(db: Db, ids: number[], origin: string) {
  const rows = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db.machine.findMany({
        where: { id: { in: ids.slice(i, i + CHUNK) } },
        select: { id: true, machineType: true, model: true, serialNumber: true, location: true },
      })),
    );
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const machine = byId.get(id);
    if (!machine) return [];
    const url = machineLabelUrl(origin, id);
    return [{ id, name: machineLabel(machine), location: machine.location, serialNumber: machine.serialNumber, url, qr: qrDrawing(url) }];
  });
}

/**
 * The address a printed label sends phones to: Atelier's public address when
 * one is set (general settings or APP_URL: the same one the alerts link to),
 * else the address the admin is printing from.
 */
export async function labelOrigin(db: Db): Promise<string> {
  const [settings, env, requestHeaders] = await Promise.all([getSettings(db), getWebhookEnv(), headers()]);
  const configured = settings.appUrl.trim() || env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (local ? "http" : "https");
  return `${protocol}://${host}`;
}
