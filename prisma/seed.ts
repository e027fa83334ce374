// Demo data for a local Atelier: a small Québec plant with its maintenance team.
// Runs only against an empty database (see scripts/seed.mjs), so it never touches real data.
import type { Db } from "../lib/db/client";
import { nameKey } from "../lib/accounts/names.ts";
import { hashPassword } from "../lib/accounts/password.ts";
import { factoryDay, formatTicketId } from "../lib/tickets/ids.ts";
import { firstOccurrenceFrom, type RecurrenceRule } from "../lib/plans/recurrence.ts";
import { newPlanStart } from "../lib/plans/model.ts";

export const demoAccounts = [
  { role: "admin", name: "Sophie Tremblay", email: "admin@atelier.demo", password: "Atelier-Admin-2026" },
  { role: "supervisor", name: "Marc Gagnon", email: "superviseur@atelier.demo", password: "Atelier-Superviseur-2026" },
  { role: "technician", name: "Julie Roy", email: "technicien@atelier.demo", password: "Atelier-Technicien-2026" },
  { role: "operator", name: "Luc Bouchard", email: "operateur@atelier.demo", password: "Atelier-Operateur-2026" },
] as const;

// Team members who appear as assignees and authors; they cannot sign in (random passwords).
const teamMembers = [
  { role: "technician", name: "Patrick Lavoie", email: "patrick.lavoie@atelier.demo" },
  { role: "technician", name: "Émilie Côté", email: "emilie.cote@atelier.demo" },
  { role: "operator", name: "Nathalie Pelletier", email: "nathalie.pelletier@atelier.demo" },
] as const;

export const machines = [
  { machineType: "Presse hydraulique", model: "Schuler 250T", serialNumber: "SCH-250-1187", location: "Atelier A – poste 1" },
  { machineType: "Tour CNC", model: "Haas ST-20", serialNumber: "HAAS-ST20-4471", location: "Atelier A – poste 4" },
  { machineType: "Centre d’usinage", model: "DMG Mori NVX 5080", serialNumber: "DMG-5080-0932", location: "Atelier A – poste 6" },
  { machineType: "Robot de soudure", model: "Fanuc ARC Mate 100iD", serialNumber: "FAN-100ID-2210", location: "Cellule de soudage" },
  { machineType: "Convoyeur à bande", model: "Dorner 3200", serialNumber: "DOR-3200-5519", location: "Ligne d’assemblage 2" },
  { machineType: "Compresseur d’air", model: "Atlas Copco GA 37", serialNumber: "AC-GA37-7763", location: "Salle mécanique" },
  { machineType: "Plieuse", model: "Amada HG 1303", serialNumber: "AMA-1303-3098", location: "Atelier B – tôlerie" },
  { machineType: "Découpe laser", model: "Trumpf TruLaser 3030", serialNumber: "TRU-3030-8841", location: "Atelier B – tôlerie" },
  { machineType: "Presse à injection", model: "Engel victory 200", serialNumber: "ENG-V200-1204", location: "Plasturgie" },
  { machineType: "Chariot élévateur", model: "Toyota 8FGU25", serialNumber: "TOY-8FGU-6650", location: "Entrepôt" },
  { machineType: "Four de traitement thermique", model: "Nabertherm N 150", serialNumber: "NAB-N150-0417", location: "Traitement thermique" },
  { machineType: "Emballeuse", model: "Lantech Q-300", serialNumber: "LAN-Q300-2985", location: "Expédition" },
] as const;

const problems = [
  ["Fuite d’huile au vérin principal", "Flaque d’huile sous la machine en début de quart. Le niveau du réservoir baisse d’environ 2 cm par jour."],
  ["Bruit anormal au démarrage", "Grincement métallique pendant les 30 premières secondes, puis ça se calme."],
  ["Arrêt d’urgence qui se déclenche seul", "L’arrêt d’urgence s’est déclenché trois fois ce matin sans que personne n’y touche."],
  ["Écran de commande qui gèle", "L’écran tactile ne répond plus après environ une heure ; il faut redémarrer."],
  ["Courroie usée", "La courroie glisse et fait un bruit aigu sous charge."],
  ["Surchauffe du moteur", "Alarme de température moteur à 85 °C en fin de quart."],
  ["Pièces hors tolérance", "Les trois dernières pièces mesurent 0,15 mm de plus que la cote. Vérifier l’usure de l’outil."],
  ["Capteur de présence défectueux", "Le capteur ne détecte plus les pièces une fois sur cinq."],
  ["Pression d’air insuffisante", "Le manomètre indique 5,2 bar au lieu de 7 bar."],
  ["Vibration excessive", "Vibrations fortes à haute vitesse ; les boulons du socle ont peut-être bougé."],
  ["Entretien préventif trimestriel", "Graissage, inspection des courroies et vérification des niveaux selon la fiche d’entretien."],
  ["Porte de sécurité mal alignée", "Le verrou de la porte ne s’enclenche qu’en forçant ; risque de bris du contacteur."],
  ["Voyant de batterie faible", "Le voyant reste allumé même après une charge complète."],
  ["Buse de soudure encrassée", "Projections accumulées ; la qualité des cordons baisse."],
  ["Ruban adhésif qui se coince", "Le dérouleur bloque environ toutes les 20 boîtes."],
] as const;

// What someone writes on a ticket, by where the ticket is when they write it.
const comments: Record<"received" | "diagnostic" | "in_progress" | "waiting_parts", readonly string[]> = {
  received: ["Je passe voir en début de quart.", "J’ai vérifié sur place : le problème est bien reproductible."],
  diagnostic: ["J’ai vérifié sur place : le problème est bien reproductible.", "Je cherche la cause ; je reviens avec un diagnostic avant la fin du quart."],
  in_progress: ["Machine consignée pendant l’intervention.", "Réglage fait, à surveiller pendant le prochain quart."],
  waiting_parts: ["Pièce commandée chez le fournisseur, livraison prévue sous 3 jours ouvrables."],
};

const statuses = ["received", "diagnostic", "in_progress", "waiting_parts", "completed", "archived"] as const;
const priorities = ["low", "medium", "high", "critical"] as const;
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Status = (typeof statuses)[number];

/** Hours from report to completion, by priority: a critical repair within its shift, a low one over days. */
const repairHours: Record<(typeof priorities)[number], [number, number]> = { critical: [3, 8], high: [8, 30], medium: [20, 72], low: [48, 120] };

interface StoryOptions {
  status: Status;
  priority: (typeof priorities)[number];
  createdAt: Date;
  now: Date;
  /** When the machine the ticket stopped ran again: the ticket is completed no earlier. */
  stoppedUntil: Date | null;
  waitedForParts: boolean;
  time: () => number;
}

/**
 * A ticket's moves from Reçu to its status, one column at a time as the board writes them,
 * and a moment for a comment while it was worked on. The moves start after the assignment
 * (an hour after the report). A closed ticket is completed after a repair time of its
 * priority, never in the future, and archived a day later; nothing happens to it afterwards.
 */
function ticketStory({ status, priority, createdAt, now, stoppedUntil, waitedForParts, time }: StoryOptions) {
  const start = createdAt.getTime() + 90 * MINUTE;
  let path: Status[];
  let times: number[];
  let commentAt: number;
  if (status === "completed" || status === "archived") {
    const [low, high] = repairHours[priority];
    const repaired = Math.max(createdAt.getTime() + (low + time() * (high - low)) * HOUR, stoppedUntil?.getTime() ?? 0);
    const completedAt = Math.min(repaired, now.getTime() - HOUR);
    const work: Status[] = waitedForParts ? ["diagnostic", "in_progress", "waiting_parts", "in_progress"] : ["diagnostic", "in_progress"];
    // The moves before Terminé share the time from the start to the completion; the comment comes in the last stretch.
    const step = (completedAt - start) / work.length;
    path = [...work, "completed"];
    times = [...work.map((_, k) => start + k * step), completedAt];
    if (status === "archived") {
      path.push("archived");
      times.push(Math.min(completedAt + DAY, now.getTime() - 30 * MINUTE));
    }
    commentAt = completedAt - step / 2;
  } else {
    // Still open: a move every few hours, then it waits.
    path = (["diagnostic", "in_progress", "waiting_parts"] as Status[]).slice(0, statuses.indexOf(status));
    times = path.map((_, k) => start + k * 5 * HOUR);
    commentAt = createdAt.getTime() + 3 * HOUR;
  }
  const minute = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);
  return { moves: path.map((to, k) => ({ from: k ? path[k - 1]! : "received", to, at: minute(times[k]!) })), commentAt: minute(commentAt) };
}

/** Deterministic pseudo-random numbers: the same demo every time. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export interface SeedOptions {
  now: Date;
  timeZone?: string;
  ticketPrefix?: string;
  /** PBKDF2 is deliberately slow; tests may pass a cheaper stand-in. */
  hash?: (password: string) => Promise<string>;
}

export interface SeedSummary {
  seeded: boolean;
  users: number;
  machines: number;
  tickets: number;
}

/** Fills an empty database; does nothing (seeded: false) when any user exists. */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const { now } = options;
  const hash = options.hash ?? hashPassword;
  const timeZone = options.timeZone ?? "America/Toronto";
  const prefix = options.ticketPrefix ?? "TKT";

  if ((await db.user.count()) > 0) return { seeded: false, users: 0, machines: 0, tickets: 0 };

  const users: { id: number; role: string }[] = [];
  for (const account of demoAccounts) {
    users.push(
      await db.user.create({
        data: { role: account.role, name: account.name, nameKey: nameKey(account.name), email: account.email, passwordHash: await hash(account.password) },
        select: { id: true, role: true },
      }),
    );
  }
  for (const member of teamMembers) {
    const unusable = crypto.randomUUID() + crypto.randomUUID();
    users.push(
      await db.user.create({
        data: { role: member.role, name: member.name, nameKey: nameKey(member.name), email: member.email, passwordHash: await hash(unusable) },
        select: { id: true, role: true },
      }),
    );
  }
  const technicians = users.filter((u) => u.role === "technician" || u.role === "supervisor").map((u) => u.id);
  const reporters = users.filter((u) => u.role === "operator" || u.role === "technician").map((u) => u.id);

  const machineIds: number[] = [];
  for (const [index, machine] of machines.entries()) {
    const status = index === 9 ? "maintenance" : index === 11 ? "out_of_service" : "operational";
    // In the plant for two years: the demo's tickets and stops (days old) fall within each machine's life, as /stats expects.
    const installed = new Date(now.getTime() - 730 * DAY);
    const created = await db.machine.create({ data: { ...machine, status, createdAt: installed, updatedAt: installed }, select: { id: true } });
    machineIds.push(created.id);
  }

  const random = sequence(20261123);
  // Its own sequence, so the tickets' assignees and reporters stay those of the demo before repair times existed.
  const timing = sequence(20261117);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const perDay = new Map<string, number>();
  let ticketCount = 0;

  for (let i = 0; i < 48; i++) {
    const status = statuses[i % statuses.length]!;
    const priority = priorities[Math.floor(i / statuses.length) % priorities.length]!;
    const machineId = machineIds[i % machineIds.length]!;
    const [title, description] = problems[i % problems.length]!;
    const createdAt = new Date(now.getTime() - (2 + Math.floor(random() * 20)) * DAY - Math.floor(random() * 8) * HOUR);

    // Plan: about a third overdue (past date, still received/diagnostic when status allows),
    // a third in the coming days, the rest unscheduled; some for the whole team (0).
    const plan = (i + Math.floor(i / statuses.length)) % 3;
    const planned =
      plan === 0
        ? new Date(now.getTime() - (1 + Math.floor(random() * 72)) * HOUR)
        : plan === 1
          ? new Date(now.getTime() + (2 + Math.floor(random() * 120)) * HOUR)
          : null;
    const assignedTo = status === "received" && plan === 2 ? null : i % 7 === 0 ? 0 : pick(technicians);
    const worker = assignedTo || users[2]!.id;
    const assignedAt = new Date(createdAt.getTime() + HOUR);

    // Some closed tickets had stopped their machine from their report until it ran
    // again: /stats has downtime, MTTR and MTBF to show. None is left open, so every
    // machine runs on a fresh start.
    const closed = status === "completed" || status === "archived";
    const stoppedUntil = closed && i % 2 === 0 ? new Date(createdAt.getTime() + (2 + (i % 5)) * HOUR + (i % 4) * 15 * MINUTE) : null;
    const story = ticketStory({ status, priority, createdAt, now, stoppedUntil, waitedForParts: i % 4 === 2 && (priority === "low" || priority === "medium"), time: timing });
    const closedAt = story.moves.find((move) => move.to === "completed")?.at ?? null;
    // A closed ticket was planned for when its work began; an open one keeps its date (past: overdue).
    const scheduledDate = planned && closed ? story.moves.find((move) => move.to === "in_progress")!.at : planned;
    const commentAt = i % 2 === 0 ? story.commentAt : null;

    const day = factoryDay(createdAt, timeZone);
    const dayKey = `${machineId}-${day}`;
    const seq = (perDay.get(dayKey) ?? 0) + 1;
    perDay.set(dayKey, seq);
    const reportedBy = pick(reporters);

    const ticket = await db.ticket.create({
      data: {
        ticketId: formatTicketId(prefix, machineId, day, seq),
        title,
        description,
        machineId,
        status,
        priority,
        reportedBy,
        assignedTo,
        scheduledDate: scheduledDate ? new Date(Math.floor(scheduledDate.getTime() / (15 * MINUTE)) * 15 * MINUTE) : null,
        // Archiving clears completed_at, as the board's move does (lib/tickets/operations.ts).
        completedAt: status === "completed" ? closedAt : null,
        createdAt,
        // Its last move or assignment, as the board's order reads it (a comment leaves it alone).
        updatedAt: story.moves.at(-1)?.at ?? (assignedTo === null ? createdAt : assignedAt),
      },
      select: { id: true },
    });
    ticketCount++;

    await db.ticketEvent.create({ data: { ticketId: ticket.id, actorId: reportedBy, type: "created", createdAt } });
    if (assignedTo !== null) {
      await db.ticketEvent.create({
        data: {
          ticketId: ticket.id,
          actorId: users[1]!.id,
          type: "assigned",
          toValue: String(assignedTo),
          createdAt: assignedAt,
        },
      });
    }
    if (stoppedUntil) {
      await db.machineDowntime.create({ data: { machineId, ticketId: ticket.id, startedAt: createdAt, endedAt: stoppedUntil, startedBy: reportedBy, endedBy: worker } });
      await db.ticketEvent.create({ data: { ticketId: ticket.id, actorId: reportedBy, type: "machine_down", createdAt } });
      await db.ticketEvent.create({ data: { ticketId: ticket.id, actorId: worker, type: "machine_up", createdAt: stoppedUntil } });
    }
    for (const move of story.moves) {
      await db.ticketEvent.create({
        data: { ticketId: ticket.id, actorId: worker, type: "status", fromValue: move.from, toValue: move.to, createdAt: move.at },
      });
    }
    if (commentAt) {
      const where = story.moves.filter((move) => move.at <= commentAt).at(-1)?.to ?? "received";
      const content = pick(comments[where as keyof typeof comments]);
      await db.ticketComment.create({ data: { ticketId: ticket.id, userId: worker, content, createdAt: commentAt, updatedAt: commentAt } });
      await db.ticketEvent.create({ data: { ticketId: ticket.id, actorId: worker, type: "comment", createdAt: commentAt } });
    }
  }

  // Preventive plans on three machines: the planning (/planning) has weeks of work to show.
  // Each starts at its next time of day, as a plan made in the app does: a monthly plan
  // seeded at 15:00 "from today, 09:00" would otherwise first fall due next month.
  const plans: (Omit<RecurrenceRule, "startDate"> & { machine: number; title: string; steps: string[]; assignedTo: number; priority: string; leadDays: number })[] = [
    { machine: 0, title: "Inspection hebdomadaire de la presse", steps: ["Vérifier le niveau d’huile hydraulique", "Contrôler les flexibles et raccords", "Tester l’arrêt d’urgence"], recurrence: "weeks", interval: 1, timeOfDay: "07:30", assignedTo: 0, priority: "high", leadDays: 1 },
    { machine: 1, title: "Graissage du tour CNC", steps: ["Graisser les glissières", "Vérifier le liquide de coupe"], recurrence: "days", interval: 14, timeOfDay: "08:00", assignedTo: technicians[1]!, priority: "medium", leadDays: 2 },
    { machine: 5, title: "Entretien mensuel du compresseur", steps: ["Purger le réservoir", "Remplacer le filtre à air si encrassé", "Relever les heures de marche"], recurrence: "months", interval: 1, timeOfDay: "09:00", assignedTo: technicians[2] ?? 0, priority: "medium", leadDays: 3 },
  ];
  for (const { machine, steps, ...plan } of plans) {
    const { startDate } = newPlanStart(now, timeZone, plan.timeOfDay);
    const rule = { ...plan, startDate };
    await db.maintenancePlan.create({
      data: {
        ...plan,
        machineId: machineIds[machine]!,
        steps: JSON.stringify(steps),
        startDate,
        nextDueAt: firstOccurrenceFrom(rule, now, timeZone),
        createdBy: users[1]!.id,
        createdAt: now,
        updatedAt: now,
      },
    });
  }

  const settings = { companyName: "Usine Laurentide", timeZone, defaultLocale: "fr", ticketPrefix: prefix };
  for (const [key, value] of Object.entries(settings)) {
    await db.setting.create({ data: { key, value: JSON.stringify(value) } });
  }

  return { seeded: true, users: users.length, machines: machineIds.length, tickets: ticketCount };
}
