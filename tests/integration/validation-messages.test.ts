// Every operation's refusal of an empty or an over-long submission, in both
// languages, as the form under it would show it: sentences for people, never the
// validator's words ("Too small: expected string to have >=3 characters").
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { freshDatabase } from "./helpers/local-d1";
import { contextFor, createCast, type Cast } from "./helpers/actors";
import { messagesFor, type Locale } from "@/lib/i18n";
import { perform, type Operation } from "@/lib/operation";
import { can, roles } from "@/lib/permissions";
import * as users from "@/lib/accounts/users";
import * as machines from "@/lib/machines/operations";
import * as machineCsv from "@/lib/machines/csv";
import * as messages from "@/lib/messages/operations";
import * as logo from "@/lib/settings/logo";
import * as retention from "@/lib/retention/settings";
import * as settings from "@/lib/settings/settings";
import * as columns from "@/lib/tickets/column-admin";
import * as comments from "@/lib/tickets/comments";
import * as media from "@/lib/tickets/media";
import * as tickets from "@/lib/tickets/operations";
import * as webhooks from "@/lib/webhooks/operations";

const t = freshDatabase();
let cast: Cast;
beforeAll(async () => {
  cast = await createCast(t.db);
});

type AnyOperation = Operation<z.ZodType, unknown>;
const isOperation = (value: unknown): value is AnyOperation =>
  typeof value === "object" && value !== null && "input" in value && "handler" in value && value.input instanceof z.ZodType;

// Operations without input (a socket token, a test send) have nothing to refuse.
const operations = Object.entries({ users, machines, machineCsv, messages, logo, retention, settings, columns, comments, media, tickets, webhooks }).flatMap(
  ([module, exports]) => Object.entries(exports).filter((entry): entry is [string, AnyOperation] => isOperation(entry[1])).map(([name, op]) => ({ name: `${module}.${name}`, op })),
).filter(({ op }) => !(op.input instanceof z.ZodObject) || Object.keys(op.input.shape).length > 0);

/** The form fields an operation reads (its object schema's keys). */
function fieldsOf(op: AnyOperation): string[] {
  return op.input instanceof z.ZodObject ? Object.keys(op.input.shape) : [];
}

// The validator's vocabulary, in zod's English and French words ("number" only as
// a type: "Serial number" is a field people know).
const JARGON = /\b(string|int|expected|received|undefined|NaN|Too small|Too big|Trop petit|Trop grand|Invalid input|Entrée invalide|attendu)\b|\bnumber (soit|to be)\b|≥|≤|>=|<=/i;

function actorFor(op: AnyOperation) {
  const role = roles.find((r) => !op.permission || can({ id: 0, role: r }, op.permission)) ?? "admin";
  return cast[role];
}

function submissions(op: AnyOperation): Record<string, FormData> {
  const empty = new FormData();
  const long = new FormData();
  for (const field of fieldsOf(op)) {
    empty.set(field, "");
    long.set(field, "x".repeat(20_000));
  }
  return { nothing: new FormData(), empty, long };
}

describe("validation messages", () => {
  it("cover the forms' operations", () => {
    // A guard on the walk itself: a module that stopped exporting operations would pass silently.
    expect(operations.length).toBeGreaterThan(25);
  });

  for (const locale of ["fr", "en"] as Locale[]) {
    it(`are written for people in ${locale} for every operation's empty and over-long submission`, async () => {
      const seen: string[] = [];
      for (const { name, op } of operations) {
        for (const [kind, data] of Object.entries(submissions(op))) {
          const result = await perform(op, data, { ...contextFor(t.db, actorFor(op), { media: t.media }), t: messagesFor(locale), locale });
          if (result.ok) continue;
          for (const [field, message] of Object.entries({ _form: result.error, ...result.fieldErrors })) {
            seen.push(message);
            expect(message, `${name} ${kind} ${field}`).not.toMatch(JARGON);
            expect(message, `${name} ${kind} ${field}`).toMatch(/[.!?)]$/);
          }
        }
      }
      expect(seen.length).toBeGreaterThan(50);
    });
  }

  it("name the field and its limit, in the person's language", async () => {
    const { ticketId } = await (async () => {
      const machine = await t.db.machine.create({ data: { machineType: "Presse" } });
      const created = await perform(tickets.createTicket, { title: "Fuite d’huile", machineId: machine.id }, contextFor(t.db, cast.operator, { media: t.media }));
      if (!created.ok) throw new Error(created.error);
      return { ticketId: created.data.id };
    })();
    const fr = contextFor(t.db, cast.technician, { media: t.media });
    const en = { ...fr, t: messagesFor("en"), locale: "en" as const };

    const shortTitle = { title: "ab", machineId: "" };
    const frTitle = await perform(tickets.createTicket, shortTitle, fr);
    expect(!frTitle.ok && frTitle.fieldErrors).toEqual({ title: "Le titre doit contenir au moins 3 caractères.", machineId: "Choisissez une machine." });
    const enTitle = await perform(tickets.createTicket, shortTitle, en);
    expect(!enTitle.ok && enTitle.fieldErrors).toEqual({ title: "Title must be at least 3 characters.", machineId: "Choose a machine." });

    const empty = await perform(comments.addComment, { ticketId, content: "  " }, fr);
    expect(!empty.ok && empty.fieldErrors).toEqual({ content: "Le commentaire est obligatoire." });
    const long = await perform(comments.addComment, { ticketId, content: "x".repeat(20_000) }, en);
    expect(!long.ok && long.fieldErrors).toEqual({ content: "The comment must be at most 5000 characters (it has 20000)." });
    expect(await t.db.ticketComment.count({ where: { ticketId } })).toBe(0);
  });

  it("refuse a schedule before 2000 or more than five years ahead, with the limit in words", async () => {
    const machine = await t.db.machine.create({ data: { machineType: "Tour" } });
    const created = await perform(tickets.createTicket, { title: "Vibration", machineId: machine.id }, contextFor(t.db, cast.operator, { media: t.media }));
    if (!created.ok) throw new Error(created.error);
    const now = new Date("2026-12-01T15:00:00Z");
    const fr = { ...contextFor(t.db, cast.supervisor), now };
    const schedule = (date: string, context = fr) => perform(tickets.scheduleTicket, { id: created.data.id, date, time: "08:00" }, context);

    const early = await schedule("1900-01-01");
    expect(!early.ok && early.fieldErrors).toEqual({ date: "La date doit être le samedi 1 janvier 2000 ou après." });
    const late = await schedule("2031-12-02", { ...fr, t: messagesFor("en"), locale: "en" });
    expect(!late.ok && late.fieldErrors).toEqual({ date: "The date must be Monday, December 1, 2031 at the latest (5 years from today)." });
    expect((await schedule("2031-12-01")).ok).toBe(true);
    expect((await schedule("2000-01-01")).ok).toBe(true);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.scheduledDate?.toISOString().slice(0, 10)).toBe("2000-01-01");
  });
});
