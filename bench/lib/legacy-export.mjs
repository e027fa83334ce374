// An export of the old system (igp-maintenance) at a plant's scale, in its real
// shape: the CREATE TABLE statements of its sample export
// (tests/fixtures/igp-export-sample.sql), rows made up here, written as
// `wrangler d1 export` writes them (INSERT INTO "t" VALUES(...), line breaks as
// replace(..., char(10))). Deterministic: the same options give the same file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { createHash } from "node:crypto";

const SAMPLE = path.resolve(import.meta.dirname, "../../tests/fixtures/igp-export-sample.sql");

/** The sample's CREATE TABLE statements, as its export wrote them. */
function createTables() {
  return readFileSync(SAMPLE, "utf8")
    .split(/;\n/)
    .filter((statement) => /^CREATE TABLE/.test(statement.trimStart()))
    .map((statement) => `${statement.trim()};`);
}

/** A small deterministic generator (mulberry32), so every run writes the same plant. */
function random(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sqliteTime = (date) => date.toISOString().slice(0, 19).replace("T", " ");
const hex = (bytes) => Buffer.from(bytes).toString("hex");

const firstNames = ["Julie", "Marc", "Émilie", "Patrick", "Sophie", "Luc", "Nathalie", "Gilles", "Isabelle", "François", "Mélanie", "Stéphane", "Geneviève", "Éric", "Chantal"];
const lastNames = ["Roy", "Gagnon", "Côté", "Lavoie", "Tremblay", "Bouchard", "Pelletier", "Morin", "Bélanger", "Lévesque", "Gauthier", "Fortin", "Ouellet", "Girard", "Bergeron"];
const machineTypes = ["Presse hydraulique", "Tour CNC", "Centre d’usinage", "Robot de soudure", "Convoyeur à bande", "Compresseur d’air", "Plieuse", "Découpe laser", "Four de trempe", "Emballeuse"];
const problems = [
  ["Fuite d’huile au vérin principal", "Flaque d’huile sous la machine en début de quart.\nLe niveau baisse d’environ 2 cm par jour."],
  ["Bruit anormal au démarrage", "Grincement métallique pendant les 30 premières secondes."],
  ["Arrêt d’urgence qui se déclenche seul", "Trois déclenchements ce matin ; personne n’y a touché."],
  ["Écran de commande qui gèle", "L’écran ne répond plus après une heure ; il faut redémarrer."],
  ["Courroie usée", "La courroie glisse et fait un bruit aigu sous charge."],
  ["Surchauffe du moteur", "Alarme de température à 85 °C en fin de quart."],
];
const comments = ["Pièce commandée chez le fournisseur.", "J’ai vérifié sur place : le problème est reproductible.", "Réglage fait, à surveiller pendant le prochain quart.", "Machine consignée pendant l’intervention.\nDéconsignée à 14 h."];
const roles = ["admin", "supervisor", "director", "coordinator", "senior_technician", "technician", "technician", "technician", "team_leader", "operator", "operator", "furnace_operator", "quality_inspector", "viewer"];
const statuses = ["received", "diagnostic", "in_progress", "quality_check", "waiting_parts", "completed", "completed", "archived"];

/**
 * Writes `<dir>/export.sql` with `tickets` tickets (and the people, machines,
 * history, comments, files, messages and overdue record that go with them) and a
 * `<dir>/bucket` folder with a file for each media row. Returns what it wrote.
 */
export function writeLegacyExport(dir, { tickets: ticketCount = 2000, now = new Date("2026-12-06T21:00:00Z") } = {}) {
  const rand = random(24);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const db = new DatabaseSync(":memory:", { enableForeignKeyConstraints: false });
  for (const statement of createTables()) db.exec(statement);
  const insert = (table, row) => {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO "${table}" (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(...Object.values(row));
  };
  const day = 24 * 60 * 60 * 1000;
  const start = new Date(now.getTime() - 180 * day);
  const at = (fromStart) => new Date(start.getTime() + fromStart);

  // People: the team placeholder, then 40 people; one in eight still has a legacy SHA-256 hash.
  insert("users", { id: 0, email: "system.team@igpglass.ca", password_hash: "SYSTEM_USER_NO_LOGIN", full_name: "👥 Toute l'équipe", role: "technician", first_name: "👥", last_name: "Toute l'équipe" });
  const people = [];
  for (let id = 1; id <= 40; id++) {
    const first = firstNames[(id - 1) % firstNames.length];
    const last = lastNames[Math.floor((id - 1) / firstNames.length + id) % lastNames.length];
    const role = roles[(id - 1) % roles.length];
    const hash =
      id % 8 === 0
        ? createHash("sha256").update(`Ancien-Mot-${id}`).digest("hex")
        : `v2:${hex(createHash("md5").update(`sel-${id}`).digest())}:${hex(createHash("sha256").update(`clé-${id}`).digest())}`;
    insert("users", {
      id,
      email: `${first}.${last}.${id}@usine.test`.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(),
      password_hash: hash,
      full_name: `${first} ${last}`,
      role,
      first_name: first,
      last_name: last,
      created_at: sqliteTime(at(-30 * day)),
      updated_at: sqliteTime(at(-30 * day)),
      deleted_at: id % 19 === 0 ? sqliteTime(at(60 * day)) : null,
      is_super_admin: id === 1 ? 1 : 0,
    });
    people.push({ id, name: `${first} ${last}`, first, role });
  }
  const workers = people.filter((p) => /technician|supervisor|coordinator/.test(p.role));
  const reporters = people.filter((p) => /operator|team_leader|inspector/.test(p.role));

  // Machines: 200, a few deleted, some out of service.
  const machines = [];
  for (let id = 1; id <= 200; id++) {
    const type = machineTypes[(id - 1) % machineTypes.length];
    insert("machines", {
      id,
      machine_type: type,
      model: `Modèle ${100 + id}`,
      serial_number: `SN-${String(id).padStart(5, "0")}`,
      location: `Atelier ${"ABCD"[id % 4]} – poste ${id % 12}`,
      status: id % 37 === 0 ? "out_of_service" : id % 23 === 0 ? "maintenance" : "operational",
      created_at: sqliteTime(at(-400 * day)),
      updated_at: sqliteTime(at(-400 * day)),
      deleted_at: id % 97 === 0 ? sqliteTime(at(10 * day)) : null,
      manufacturer: id % 3 === 0 ? "Fabricant inc." : null,
    });
    machines.push({ id, type });
  }
  insert("user_preferences", {
    user_id: 1,
    pref_key: "kanban_columns",
    pref_value: JSON.stringify(["received", "diagnostic", "in_progress", "quality_check", "waiting_parts", "completed"].map((id) => ({ id, label: id === "quality_check" ? "Contrôle qualité" : id }))),
  });

  // Tickets with their history, comments, files and overdue record.
  const sequences = new Map();
  let timelineId = 0;
  let commentId = 0;
  let mediaId = 0;
  let webhookId = 0;
  const files = [];
  for (let id = 1; id <= ticketCount; id++) {
    const machine = pick(machines);
    const created = at(Math.floor(rand() * 175 * day));
    const mmyy = `${String(created.getUTCMonth() + 1).padStart(2, "0")}${String(created.getUTCFullYear()).slice(-2)}`;
    const code = `${machine.type.slice(0, 3).toUpperCase()}-${mmyy}`;
    const sequence = (sequences.get(code) ?? 0) + 1;
    sequences.set(code, sequence);
    const status = pick(statuses);
    const reporter = pick(reporters);
    const assignee = rand() < 0.15 ? 0 : rand() < 0.1 ? null : pick(workers).id;
    const scheduled = rand() < 0.6 ? new Date(created.getTime() + Math.floor(rand() * 12 * day)) : null;
    const done = status === "completed" || status === "archived" ? new Date(created.getTime() + Math.floor(rand() * 5 * day) + 3600_000) : null;
    const [title, description] = pick(problems);
    const down = status !== "completed" && status !== "archived" && rand() < 0.03 ? 1 : 0;
    insert("tickets", {
      id,
      ticket_id: `${code}-${String(sequence).padStart(4, "0")}`,
      title,
      description,
      machine_id: machine.id,
      status,
      priority: pick(["low", "medium", "medium", "high", "critical"]),
      reported_by: reporter.id,
      assigned_to: assignee,
      created_at: sqliteTime(created),
      updated_at: sqliteTime(done ?? created),
      completed_at: done && sqliteTime(done),
      scheduled_date: scheduled && sqliteTime(scheduled),
      is_machine_down: down,
      deleted_at: id % 150 === 0 ? sqliteTime(new Date(created.getTime() + day)) : null,
    });
    const line = (userId, action, oldStatus, newStatus, comment, when) =>
      insert("ticket_timeline", { id: ++timelineId, ticket_id: id, user_id: userId, action, old_status: oldStatus, new_status: newStatus, comment, created_at: sqliteTime(when) });
    line(reporter.id, id % 2 ? "created" : "Ticket créé", null, "received", description, created);
    if (status !== "received") line(pick(workers).id, "status_change", "received", status, null, new Date(created.getTime() + 2 * 3600_000));
    if (down) line(reporter.id, "Machine mise à l'arrêt", null, null, "Via case à cocher ticket", new Date(created.getTime() + 60_000));
    for (let c = 0; c < 2; c++) {
      const author = pick(people);
      const name = c === 0 ? author.name : rand() < 0.1 ? "Pierre Sous-traitant" : author.first;
      insert("ticket_comments", { id: ++commentId, ticket_id: id, user_name: name, user_role: author.role, comment: pick(comments), created_at: sqliteTime(new Date(created.getTime() + (c + 1) * 3 * 3600_000)) });
    }
    if (id % 4 === 0) {
      const kind = pick(["jpg", "jpg", "mp4", "webm"]);
      const key = `tickets/${id}/${created.getTime()}-${kind === "webm" ? "note" : "photo"}.${kind}`;
      const type = { jpg: "image/jpeg", mp4: "video/mp4", webm: "audio/webm" }[kind];
      insert("media", { id: ++mediaId, ticket_id: id, file_key: key, file_name: key.split("/").pop(), file_type: type, file_size: 4096, url: "/api/media/x", uploaded_by: reporter.id, created_at: sqliteTime(created) });
      if (kind === "webm") insert("ticket_comments", { id: ++commentId, ticket_id: id, user_name: reporter.first, user_role: reporter.role, comment: `🎤 A ajouté un message vocal\n[audio:${mediaId}]`, created_at: sqliteTime(created) });
      // One file in fifty is missing from the bucket, as after a careless clean-up.
      if (id % 200 !== 0) files.push({ key, kind });
    }
    if (assignee !== null && scheduled && scheduled < now && (status === "received" || status === "diagnostic") && rand() < 0.8) {
      const sent = new Date(now.getTime() - Math.floor(rand() * 20) * 3600_000);
      insert("webhook_notifications", { id: ++webhookId, ticket_id: id, notification_type: "overdue_scheduled", webhook_url: "https://connect.pabbly.com/workflow/sendwebhookdata/EXEMPLE", sent_at: sent.toISOString(), response_status: 200, response_body: '{"ok":true}', created_at: sqliteTime(sent), scheduled_date_notified: sqliteTime(scheduled) });
    }
  }

  // Messages: the first messenger (public, private, voice), then Messenger v2.
  for (let id = 1; id <= 600; id++) {
    const sender = pick(people);
    const isPrivate = id % 3 === 0;
    const recipient = isPrivate ? pick(people.filter((p) => p.id !== sender.id)) : null;
    const voice = id % 25 === 0;
    insert("messages", {
      id,
      sender_id: sender.id,
      recipient_id: recipient?.id ?? null,
      message_type: isPrivate ? "private" : "public",
      content: voice ? "🎤 Message vocal" : `Message ${id} : ${pick(comments)}`,
      is_read: rand() < 0.7 ? 1 : 0,
      created_at: sqliteTime(at(id * 3 * 3600_000)),
      audio_file_key: voice ? `messages/audio/${sender.id}/${id}.webm` : null,
      audio_duration: voice ? 5 + (id % 40) : null,
      audio_size: voice ? 4096 : null,
    });
    if (voice) files.push({ key: `messages/audio/${sender.id}/${id}.webm`, kind: "webm" });
  }
  insert("chat_conversations", { id: "general-group-uuid", type: "group", name: "Général", created_by: 1 });
  insert("chat_conversations", { id: "expert_ai", type: "direct", name: "Expert IA", created_by: 1 });
  insert("chat_conversations", { id: "groupe-quart-nuit", type: "group", name: "Quart de nuit", created_by: 2 });
  for (const p of people) insert("chat_participants", { conversation_id: "general-group-uuid", user_id: p.id, role: "member", last_read_at: p.id % 3 ? sqliteTime(at(170 * day)) : null });
  for (let d = 0; d < 15; d++) {
    const [a, b] = [people[d], people[d + 20]];
    insert("chat_conversations", { id: `direct-${d}`, type: "direct", name: null, created_by: a.id });
    insert("chat_participants", { conversation_id: `direct-${d}`, user_id: a.id, role: "admin", last_read_at: sqliteTime(at(175 * day)) });
    insert("chat_participants", { conversation_id: `direct-${d}`, user_id: b.id, role: "member", last_read_at: null });
  }
  for (let i = 1; i <= 1500; i++) {
    const conversation = i % 10 === 0 ? `direct-${i % 15}` : i % 17 === 0 ? "groupe-quart-nuit" : "general-group-uuid";
    const [a, b] = conversation.startsWith("direct") ? [people[i % 15], people[(i % 15) + 20]] : [pick(people), null];
    const sender = b && i % 2 ? b : a;
    const image = i % 40 === 0;
    const key = image ? `chat/${i}.jpg` : null;
    insert("chat_messages", { id: `msg-${String(i).padStart(6, "0")}`, conversation_id: conversation, sender_id: sender.id, type: image ? "image" : "text", content: image ? null : `Message ${i}`, media_key: key, created_at: sqliteTime(at(i * 2.5 * 3600_000)) });
    if (key) files.push({ key, kind: "jpg" });
  }

  for (let id = 1; id <= 10; id++) insert("push_subscriptions", { id, user_id: id, endpoint: `https://fcm.googleapis.com/fcm/send/${id}`, p256dh: "BExemple", auth: "Exemple", device_name: "Android Chrome" });
  for (let id = 1; id <= 20; id++) insert("planning_events", { id, date: sqliteTime(at((170 + id) * day)).slice(0, 10), type: "maintenance", title: `Arrêt planifié ${id}`, details: "Inspection", time: "07:00" });
  const settings = { webhook_url: "https://connect.pabbly.com/workflow/sendwebhookdata/EXEMPLE", location_timezone: "America/Toronto", company_subtitle: "Usine de démonstration inc.", company_logo_url: "/static/logo.png", primary_color: "#10b981" };
  Object.entries(settings).forEach(([key, value], i) => insert("system_settings", { id: i + 1, setting_key: key, setting_value: value }));

  // Written as `wrangler d1 export` writes: one INSERT per row, every column in order.
  const literal = (v) => {
    if (v === null) return "NULL";
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    const quoted = `'${String(v).replaceAll("'", "''")}'`;
    return quoted.includes("\n") ? `replace(${quoted.replaceAll("\n", "\\n")},'\\n',char(10))` : quoted;
  };
  const lines = ["PRAGMA defer_foreign_keys=TRUE;"];
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all();
  let rows = 0;
  for (const { name, sql } of tables) {
    lines.push(`${sql};`);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) {
      lines.push(`INSERT INTO "${name}" VALUES(${Object.values(row).map(literal).join(",")});`);
      rows++;
    }
  }
  db.close();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "export.sql");
  writeFileSync(file, `${lines.join("\n")}\n`);

  const heads = { jpg: [0xff, 0xd8, 0xff, 0xe0], mp4: [0, 0, 0, 0x18, ...Buffer.from("ftypisom")], webm: [0x1a, 0x45, 0xdf, 0xa3] };
  const bucket = path.join(dir, "bucket");
  for (const { key, kind } of files) {
    mkdirSync(path.dirname(path.join(bucket, key)), { recursive: true });
    writeFileSync(path.join(bucket, key), Buffer.concat([Buffer.from(heads[kind]), Buffer.alloc(4096 - heads[kind].length, 7)]));
  }
  return { file, bucket, rows, tickets: ticketCount, files: files.length };
}
