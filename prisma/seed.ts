// Demo data for a local Atelier: a small Québec plant with its maintenance team.
// Runs only against an empty database (see scripts/seed.mjs), so it never touches real data.
import type { Db } from "../lib/db/client";
import { nameKey } from "../lib/accounts/names.ts";
import { hashPassword } from "../lib/accounts/password.ts";
import { factoryDay, formatTicketId } from "../lib/tickets/ids.ts";
import { firstOccurrenceFrom, type RecurrenceRule } from "../lib/plans/recurrence.ts";
import { utcToWallTime } from "../lib/factory-time.ts";

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

const comments = [
  "J’ai vérifié sur place : le problème est bien reproductible.",
  "Pièce commandée chez le fournisseur, livraison prévue sous 3 jours ouvrables.",
  "Machine consignée pendant l’intervention.",
  "Réglage fait, à surveiller pendant le prochain quart.",
  "Photo ajoutée au dossier de l’équipement.",
] as const;

const statuses = ["received", "diagnostic", "in_progress", "waiting_parts", "completed", "archived"] as const;
const priorities = ["low", "medium", "high", "critical"] as const;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

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
    const scheduledDate =
      plan === 0
        ? new Date(now.getTime() - (1 + Math.floor(random() * 72)) * HOUR)
        : plan === 1
          ? new Date(now.getTime() + (2 + Math.floor(random() * 120)) * HOUR)
          : null;
    const assignedTo = status === "received" && plan === 2 ? null : i % 7 === 0 ? 0 : pick(technicians);
    const completedAt = status === "completed" || status === "archived" ? new Date(createdAt.getTime() + 2 * DAY) : null;

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
        scheduledDate: scheduledDate ? new Date(Math.floor(scheduledDate.getTime() / (15 * 60_000)) * 15 * 60_000) : null,
        completedAt,
        createdAt,
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
          createdAt: new Date(createdAt.getTime() + HOUR),
        },
      });
    }
    // Some closed tickets had stopped their machine from their report until they were
    // closed: /stats has downtime, MTTR and MTBF to show. None is left open, so every
    // machine runs on a fresh start.
    const stopped = completedAt !== null && i % 2 === 0;
    const movedAt = new Date(createdAt.getTime() + (stopped ? 2 + (i % 5) : 2) * HOUR + (stopped ? (i % 4) * 15 * 60_000 : 0));
    if (stopped) {
      const by = assignedTo || users[2]!.id;
      await db.machineDowntime.create({ data: { machineId, ticketId: ticket.id, startedAt: createdAt, endedAt: movedAt, startedBy: reportedBy, endedBy: by } });
      await db.ticketEvent.create({ data: { ticketId: ticket.id, actorId: reportedBy, type: "machine_down", createdAt } });
      await db.ticketEvent.create({ data: { ticketId: ticket.id, actorId: by, type: "machine_up", createdAt: movedAt } });
    }
    if (status !== "received") {
      await db.ticketEvent.create({
        data: {
          ticketId: ticket.id,
          actorId: assignedTo || users[2]!.id,
          type: "status",
          fromValue: "received",
          toValue: status,
          createdAt: movedAt,
        },
      });
    }
    if (i % 2 === 0) {
      const at = new Date(createdAt.getTime() + 3 * HOUR);
      await db.ticketComment.create({
        data: { ticketId: ticket.id, userId: assignedTo || users[2]!.id, content: pick(comments), createdAt: at },
      });
      await db.ticketEvent.create({ data: { ticketId: ticket.id, actorId: assignedTo || users[2]!.id, type: "comment", createdAt: at } });
    }
  }

  // Preventive plans on three machines: the planning (/planning) has weeks of work to show.
  const today = utcToWallTime(now, timeZone).date;
  const plans: (Omit<RecurrenceRule, "startDate"> & { machine: number; title: string; steps: string[]; assignedTo: number; priority: string; leadDays: number })[] = [
    { machine: 0, title: "Inspection hebdomadaire de la presse", steps: ["Vérifier le niveau d’huile hydraulique", "Contrôler les flexibles et raccords", "Tester l’arrêt d’urgence"], recurrence: "weeks", interval: 1, timeOfDay: "07:30", assignedTo: 0, priority: "high", leadDays: 1 },
    { machine: 1, title: "Graissage du tour CNC", steps: ["Graisser les glissières", "Vérifier le liquide de coupe"], recurrence: "days", interval: 14, timeOfDay: "08:00", assignedTo: technicians[1]!, priority: "medium", leadDays: 2 },
    { machine: 5, title: "Entretien mensuel du compresseur", steps: ["Purger le réservoir", "Remplacer le filtre à air si encrassé", "Relever les heures de marche"], recurrence: "months", interval: 1, timeOfDay: "09:00", assignedTo: technicians[2] ?? 0, priority: "medium", leadDays: 3 },
  ];
  for (const { machine, steps, ...plan } of plans) {
    const rule = { ...plan, startDate: today };
    await db.maintenancePlan.create({
      data: {
        ...plan,
        machineId: machineIds[machine]!,
        steps: JSON.stringify(steps),
        startDate: today,
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
