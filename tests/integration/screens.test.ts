// The shop's screens (lib/tv/): their links, made, renamed and revoked by admins
// (the secret never stored, each change audited in its batch); the broadcasts
// leads write (checked, their image in R2 and out of it again); and what a screen
// reads: only what it shows, first names only, in a fixed number of queries.
import { beforeAll, describe, expect, it } from "vitest";
import { countingD1 } from "../../bench/lib/count-d1.mjs";
import { createDb } from "@/lib/db/client";
import { perform } from "@/lib/operation";
import type { Role } from "@/lib/permissions";
import { TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { createBroadcast, deleteBroadcast, updateBroadcast, wallTimeValue } from "@/lib/tv/broadcasts";
import { createScreenLink, findScreenLink, revokeScreenLink, updateScreenLink } from "@/lib/tv/links";
import { readScreen, SCREEN_LIST_SIZE, type ScreenView } from "@/lib/tv/screen";
import { screenSecretHash } from "@/lib/tv/secret";
import { contextFor, createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
const zone = "America/Toronto";
// 10:00 in Toronto.
const now = new Date("2026-11-23T15:00:00Z");
const hour = 3_600_000;
let cast: Cast;

beforeAll(async () => {
  cast = await createCast(t.db, "screens");
});

const as = (role: Role) => contextFor(t.db, cast[role], { media: t.media, now, publishLive: async () => {}, dispatchNotifications: async () => {} });
const wall = (at: Date) => wallTimeValue(at, zone);
const png = (name = "avis.png") => {
  const bytes = new Uint8Array(64);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new File([bytes], name);
};
const objects = async () => (await t.media.list({ prefix: "broadcasts/" })).objects.map((o) => o.key);

describe("a screen's link", () => {
  it("is made by an admin only, shown once: D1 keeps the secret's hash, and neither the row nor the log holds the secret", async () => {
    expect(await perform(createScreenLink, { name: "Atelier B", locale: "fr" }, as("supervisor"))).toMatchObject({ ok: false, code: "forbidden" });
    const made = await perform(createScreenLink, { name: "Atelier B", locale: "fr" }, as("admin"));
    if (!made.ok) throw new Error(made.error);
    const secret = made.data.path.replace("/tv/", "");
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await t.d1.prepare("SELECT * FROM tv_links WHERE id = ?").bind(made.data.id).first<Record<string, unknown>>();
    expect(row!.secret_hash).toBe(await screenSecretHash(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const entries = await t.db.auditLog.findMany({ where: { entityType: "screen", entityId: String(made.data.id) } });
    expect(entries.map((e) => e.action)).toEqual(["screen.created"]);
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect(JSON.stringify(entries)).not.toContain(row!.secret_hash as string);
    expect(await findScreenLink(t.db, secret)).toEqual({ id: made.data.id, name: "Atelier B", locale: "fr", revoked: false });
    expect(await findScreenLink(t.db, `${secret.slice(0, -1)}x`)).toBeNull();
    expect(await findScreenLink(t.db, "court")).toBeNull();
  });

  it("is renamed and given another language, then revoked: that screen alone, each change in the log", async () => {
    const make = async (name: string) => {
      const made = await perform(createScreenLink, { name, locale: "fr" }, as("admin"));
      if (!made.ok) throw new Error(made.error);
      return { id: made.data.id, secret: made.data.path.replace("/tv/", "") };
    };
    const [hall, dock] = [await make("Hall"), await make("Quai")];
    expect(await perform(updateScreenLink, { id: hall.id, name: "Hall d’entrée", locale: "en" }, as("admin"))).toMatchObject({ ok: true });
    expect(await findScreenLink(t.db, hall.secret)).toMatchObject({ name: "Hall d’entrée", locale: "en", revoked: false });
    expect(await perform(revokeScreenLink, { id: hall.id }, as("technician"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await perform(revokeScreenLink, { id: hall.id }, as("admin"))).toMatchObject({ ok: true });
    expect(await findScreenLink(t.db, hall.secret)).toMatchObject({ revoked: true, locale: "en" });
    expect(await findScreenLink(t.db, dock.secret)).toMatchObject({ revoked: false });
    // Revoked is final: no rename, no second revocation.
    expect(await perform(revokeScreenLink, { id: hall.id }, as("admin"))).toMatchObject({ ok: false, code: "notFound" });
    expect(await perform(updateScreenLink, { id: hall.id, name: "Encore", locale: "fr" }, as("admin"))).toMatchObject({ ok: false, code: "notFound" });
    const entries = await t.db.auditLog.findMany({ where: { entityType: "screen", entityId: String(hall.id) }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["screen.created", "screen.updated", "screen.revoked"]);
  });
});

describe("a broadcast", () => {
  it("is written by leads, for a period that ends after it starts and is still to come", async () => {
    const period = { startsAt: wall(now), endsAt: wall(new Date(now.getTime() + 2 * hour)) };
    expect(await perform(createBroadcast, { text: "Visite", urgency: "info", ...period }, as("technician"))).toMatchObject({ ok: false, code: "forbidden" });
    const backwards = await perform(createBroadcast, { text: "Visite", urgency: "info", startsAt: period.endsAt, endsAt: period.startsAt }, as("supervisor"));
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { endsAt: "La fin doit venir après le début." } });
    const ended = await perform(createBroadcast, { text: "Visite", urgency: "info", startsAt: wall(new Date(now.getTime() - 3 * hour)), endsAt: wall(new Date(now.getTime() - hour)) }, as("supervisor"));
    expect(ended).toMatchObject({ ok: false, fieldErrors: { endsAt: expect.stringContaining("déjà passée") } });
    expect(await perform(createBroadcast, { text: "", urgency: "info", ...period }, as("supervisor"))).toMatchObject({ ok: false, fieldErrors: { text: expect.any(String) } });
    expect(await perform(createBroadcast, { text: "Visite du client à 14 h", urgency: "warning", ...period }, as("supervisor"))).toMatchObject({ ok: true });
  });

  it("keeps an image the screens can show, replaced or removed with its object, and refuses anything else with nothing stored", async () => {
    const period = { startsAt: wall(now), endsAt: wall(new Date(now.getTime() + hour)) };
    const before = await objects();
    const heic = new File([new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0])], "photo.heic");
    expect(await perform(createBroadcast, { text: "Casque obligatoire", urgency: "urgent", ...period, image: heic }, as("admin"))).toMatchObject({
      ok: false,
      fieldErrors: { image: expect.stringContaining("photo.heic") },
    });
    expect(await objects()).toEqual(before);
    const made = await perform(createBroadcast, { text: "Casque obligatoire", urgency: "urgent", ...period, image: png() }, as("admin"));
    if (!made.ok) throw new Error(made.error);
    const first = (await t.db.broadcast.findUniqueOrThrow({ where: { id: made.data.id } })).imageKey!;
    expect(await objects()).toContain(first);
    await perform(updateBroadcast, { id: made.data.id, text: "Casque et lunettes", urgency: "urgent", ...period, image: png("autre.png") }, as("admin"));
    const second = (await t.db.broadcast.findUniqueOrThrow({ where: { id: made.data.id } })).imageKey!;
    expect(second).not.toBe(first);
    expect(await objects()).not.toContain(first);
    await perform(updateBroadcast, { id: made.data.id, text: "Casque et lunettes", urgency: "urgent", ...period, removeImage: "on" }, as("admin"));
    expect((await t.db.broadcast.findUniqueOrThrow({ where: { id: made.data.id } })).imageKey).toBeNull();
    expect(await objects()).not.toContain(second);
    await perform(deleteBroadcast, { id: made.data.id }, as("supervisor"));
    expect(await t.db.broadcast.count({ where: { id: made.data.id } })).toBe(0);
    const entries = await t.db.auditLog.findMany({ where: { entityType: "broadcast", entityId: String(made.data.id) }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["broadcast.created", "broadcast.updated", "broadcast.updated", "broadcast.deleted"]);
    expect(entries.map((e) => JSON.parse(e.before ?? e.after!).text)).toEqual(["Casque obligatoire", "Casque obligatoire", "Casque et lunettes", "Casque et lunettes"]);
    expect(JSON.stringify(entries)).not.toContain("broadcasts/");
  });

  it("tells the screens, and only them, that what they show changed", async () => {
    const published: unknown[] = [];
    const ctx = { ...as("supervisor"), publishLive: async (key: string, event: unknown) => void published.push({ key, event }) };
    await perform(createBroadcast, { text: "Pause à 10 h", urgency: "info", startsAt: wall(now), endsAt: wall(new Date(now.getTime() + hour)) }, ctx);
    await expect.poll(() => published).toEqual([{ key: "screens", event: { type: "screens" } }]);
  });
});

describe("what a screen reads", () => {
  let view: ScreenView;
  let queries = 0;

  beforeAll(async () => {
    await t.d1.prepare("DELETE FROM broadcasts").run();
    const people = {
      julie: await t.db.user.create({ data: { email: "julie@screens.test", name: "Julie Roy", role: "technician", passwordHash: "x" } }),
      marc: await t.db.user.create({ data: { email: "marc@screens.test", name: "Marc Gagnon", role: "supervisor", passwordHash: "x" } }),
      hidden: await t.db.user.create({ data: { email: "cache@screens.test", name: "Hélène Caché", role: "technician", passwordHash: "x", hidePresence: true } }),
      operator: await t.db.user.create({ data: { email: "luc@screens.test", name: "Luc Bouchard", role: "operator", passwordHash: "x" } }),
    };
    const press = await t.db.machine.create({ data: { machineType: "Presse", model: "P3" } });
    let n = 0;
    const ticket = (data: Record<string, unknown>) =>
      t.db.ticket.create({
        data: {
          ticketId: `TV-${++n}`,
          title: `Ticket ${n}`,
          description: "Description privée du signalement",
          machineId: press.id,
          reportedBy: people.operator.id,
          status: "received",
          createdAt: new Date(now.getTime() - n * hour),
          ...data,
        },
      });
    const overdue = await ticket({ title: "Fuite hydraulique", assignedTo: people.julie.id, scheduledDate: new Date(now.getTime() - 2 * hour), priority: "high" });
    await ticket({ title: "Capteur HS", assignedTo: TEAM_ASSIGNEE, priority: "critical", status: "in_progress" });
    await ticket({ title: "Graissage", assignedTo: people.marc.id, scheduledDate: new Date(now.getTime() + 3 * hour), status: "diagnostic" });
    await ticket({ title: "Filtre changé", assignedTo: people.julie.id, status: "completed", completedAt: new Date(now.getTime() - hour) });
    await ticket({ title: "Terminé hier", assignedTo: people.julie.id, status: "completed", completedAt: new Date(now.getTime() - 30 * hour) });
    await ticket({ title: "Supprimé", assignedTo: people.julie.id, priority: "critical", deletedAt: now });
    for (let i = 0; i < SCREEN_LIST_SIZE + 2; i++) await ticket({ title: `Urgent ${i}`, priority: "high", status: "diagnostic" });
    await t.db.ticketComment.create({ data: { ticketId: overdue.id, userId: people.julie.id, content: "Commentaire privé" } });
    await t.db.machine.update({ where: { id: press.id }, data: { downSince: new Date(now.getTime() - 90 * 60_000), downTicketId: overdue.id } });
    const startsAt = new Date(now.getTime() - hour);
    await t.db.broadcast.createMany({
      data: [
        { text: "Visite du client", urgency: "info", startsAt, endsAt: new Date(now.getTime() + 5 * hour), createdBy: people.marc.id, createdAt: now, updatedAt: now },
        { text: "Évacuation à 14 h", urgency: "urgent", imageKey: "broadcasts/x.png", imageType: "image/png", imageSize: 64, startsAt, endsAt: new Date(now.getTime() + 4 * hour), createdBy: people.marc.id, createdAt: now, updatedAt: now },
        { text: "Pas encore", urgency: "info", startsAt: new Date(now.getTime() + hour), endsAt: new Date(now.getTime() + 6 * hour), createdBy: people.marc.id, createdAt: now, updatedAt: now },
        { text: "Déjà fini", urgency: "info", startsAt: new Date(now.getTime() - 5 * hour), endsAt: new Date(now.getTime() - hour), createdBy: people.marc.id, createdAt: now, updatedAt: now },
      ],
    });
    const { d1, counter } = countingD1(t.d1);
    view = await readScreen(createDb(d1), {
      locale: "fr",
      settings: { timeZone: zone, companyName: "Usine Nord" },
      now,
      // The hub says who is online; a hidden person never reaches it, and is refused here again.
      online: async () => [people.julie.id, people.marc.id, people.hidden.id, people.operator.id],
      imagePath: (id) => `/tv/s/image/${id}`,
    });
    queries = counter.queries;
  });

  it("shows the machines down with their stop, the overdue, the open critical and high, today's planned and today's completed", () => {
    expect(view.down).toEqual([{ machineId: expect.any(Number), machine: "Presse P3", since: new Date(now.getTime() - 90 * 60_000).toISOString(), ticket: "TV-1", title: "Fuite hydraulique" }]);
    expect(view.overdue.items.map((i) => [i.title, i.who])).toEqual([["Fuite hydraulique", "Julie"]]);
    expect(view.urgent.items[0]).toMatchObject({ title: "Capteur HS", who: "L’équipe", priorityLabel: "Critique", statusLabel: "En cours" });
    expect(view.urgent.items).toHaveLength(SCREEN_LIST_SIZE);
    expect(view.urgent.total).toBe(SCREEN_LIST_SIZE + 4);
    // Today's planned work, the part already late included (it is also in the overdue list).
    expect(view.today.items.map((i) => [i.title, i.who])).toEqual([
      ["Fuite hydraulique", "Julie"],
      ["Graissage", "Marc"],
    ]);
    expect(view.done.items.map((i) => i.title)).toEqual(["Filtre changé"]);
    expect(view.counts.map((c) => [c.label, c.count])).toEqual([
      ["Requête reçue", 1],
      ["Diagnostic", SCREEN_LIST_SIZE + 3],
      ["En cours", 1],
      ["En attente de pièces", 0],
      ["Terminé", 2],
    ]);
  });

  it("shows the broadcasts running now, the urgent first, and reads again when the next one starts or a ticket falls overdue", () => {
    expect(view.broadcasts).toEqual([
      { id: expect.any(Number), text: "Évacuation à 14 h", urgency: "urgent", image: expect.stringMatching(/^\/tv\/s\/image\/\d+$/) },
      { id: expect.any(Number), text: "Visite du client", urgency: "info", image: null },
    ]);
    expect(view.nextChangeAt).toBe(now.getTime() + hour);
  });

  it("names people by first name only, the team on shift among those who take work, never a hidden one", () => {
    expect(view.onShift).toEqual(["Julie", "Marc"]);
    const text = JSON.stringify(view);
    for (const secret of ["Description privée", "Commentaire privé", "Roy", "Gagnon", "Hélène", "Luc", "Bouchard", "broadcasts/x.png", "Supprimé", "Terminé hier", "Pas encore", "Déjà fini"]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it("in five D1 queries, whatever the number of tickets", () => {
    expect(queries).toBe(5);
  });
});
