// What an import did, said plainly: per table of the old system, how many rows
// it had and how many came across, then what was carried and how, and what was
// not and why. The plan (plan.ts) fills it; the command prints it in French or
// English (formatReport); the audit entry of the import keeps its counts.
import { format, messagesFor, type Locale } from "../i18n";

export interface SourceCount {
  /** The old system's table. */
  table: string;
  found: number;
  imported: number;
}

export type NoteValues = Record<string, string | number>;

export interface ReportNote {
  code: NoteCode;
  count: number;
  values?: NoteValues;
  /** What the note is about, one line each (ticket ids, names, keys). */
  items?: string[];
}

export interface ImportReport {
  counts: SourceCount[];
  /** Carried, and how. */
  imported: ReportNote[];
  /** Not carried, and why. */
  notImported: ReportNote[];
}

export function emptyReport(): ImportReport {
  return { counts: [], imported: [], notImported: [] };
}

/** Adds a note when there is something to say (count above zero). */
export function addNote(list: ReportNote[], code: NoteCode, count: number, extra: { values?: NoteValues; items?: string[] } = {}): void {
  if (count > 0) list.push({ code, count, ...extra });
}

export function countOf(report: ImportReport, table: string): SourceCount | undefined {
  return report.counts.find((c) => c.table === table);
}

// ------------------------------------------------------------------ words

type ImportedCode =
  | "teamAssignee"
  | "rolesMapped"
  | "passwordsV2"
  | "passwordsWrapped"
  | "inactiveUsers"
  | "duplicateNames"
  | "standInUser"
  | "standInMachine"
  | "deletedMachinesKept"
  | "customColumn"
  | "unknownPriority"
  | "closingsAdded"
  | "downtimes"
  | "commentsByName"
  | "commentsWrittenName"
  | "voiceComments"
  | "legacyNotes"
  | "teamChannel"
  | "privateConversations"
  | "teamReadUnknown"
  | "filesCopied"
  | "filesNotCopied"
  | "webhookRecord"
  | "webhookSettings"
  | "settingsTaken";

type NotImportedCode =
  | "sessions"
  | "pushSubscriptions"
  | "aiPrompts"
  | "rolesBeyondFour"
  | "planningEvents"
  | "plannerNotes"
  | "groupConversations"
  | "aiConversations"
  | "unpairedConversations"
  | "messagesUnknownSender"
  | "messagesDeleted"
  | "messagesSystem"
  | "messageFiles"
  | "systemAccounts"
  | "duplicateEmails"
  | "unknownPasswords"
  | "machinesDeleted"
  | "machineFields"
  | "orphanRows"
  | "mediaWrongType"
  | "filesMissing"
  | "voiceMissing"
  | "logo"
  | "settingsNotCarried"
  | "otherTables";

export type NoteCode = ImportedCode | NotImportedCode;

interface ReportWords<Codes extends NoteCode = NoteCode> {
  title: string;
  dryRun: string;
  counts: string;
  countLine: string;
  imported: string;
  notImported: string;
  nothing: string;
  notes: Record<Codes, string>;
  /** Why a table of the old system is not read, by table; _unknown for a table the import does not know. */
  tables: Record<string, string>;
}

const fr: ReportWords<ImportedCode> = {
  title: "Import depuis l’ancien système",
  dryRun: "Essai (--dry-run) : rien n’a été écrit.",
  counts: "Lignes par table de l’ancien système (trouvées → importées) :",
  countLine: "{table}  {found} → {imported}",
  imported: "Importé :",
  notImported: "Pas importé :",
  nothing: "rien",
  notes: {
    teamAssignee: "« Toute l’équipe » (le compte système n° 0) n’est pas une personne : {count, plural, one {son ticket est assigné} other {ses # tickets sont assignés}} à toute l’équipe d’Atelier.",
    rolesMapped: "{count, plural, one {# personne passe} other {# personnes passent}} d’un rôle de l’ancien système à l’un des quatre d’Atelier (tableau du README) :",
    passwordsV2: "{count, plural, one {# mot de passe v2 gardé} other {# mots de passe v2 gardés}} : vérifiés à la connexion, remplacés par le hachage d’Atelier à la première connexion réussie.",
    passwordsWrapped: "{count, plural, one {# ancien hachage SHA-256 enveloppé} other {# anciens hachages SHA-256 enveloppés}} dans PBKDF2 (aucun hachage faible n’est gardé) : on se connecte avec son ancien mot de passe.",
    inactiveUsers: "{count, plural, one {# compte supprimé ou désactivé} other {# comptes supprimés ou désactivés}} dans l’ancien système : {count, plural, one {importé désactivé} other {importés désactivés}}, leur nom reste dans l’historique.",
    duplicateNames: "{count, plural, one {# personne active porte} other {# personnes actives portent}} le nom d’une autre, un nom qui lui ressemble ou un nom qu’Atelier refuserait (caractères invisibles, alphabets mélangés) : à corriger dans Administration → Utilisateurs :",
    standInUser: "Compte désactivé « {name} » créé pour {count, plural, one {# élément dont l’auteur} other {# éléments dont l’auteur}} n’existe plus (rapporteur, auteur d’un commentaire, expéditeur).",
    standInMachine: "Machine « {name} » créée pour {count, plural, one {# ticket dont la machine} other {# tickets dont la machine}} n’existe plus.",
    deletedMachinesKept: "{count, plural, one {# machine supprimée} other {# machines supprimées}} dans l’ancien système, {count, plural, one {gardée} other {gardées}} parce que des tickets les nomment :",
    customColumn: "Colonne personnalisée « {label} » ({id}) : {count, plural, one {# ticket placé} other {# tickets placés}} dans « {stage} », l’étape la plus proche, en attendant les colonnes propres à l’usine. Le nom d’origine reste dans l’historique de chaque ticket :",
    unknownPriority: "{count, plural, one {# ticket} other {# tickets}} à la priorité inconnue {count, plural, one {passe} other {passent}} à « {priority} ».",
    closingsAdded: "{count, plural, one {# clôture ajoutée} other {# clôtures ajoutées}} à l’historique à la date de fin (completed_at), au nom de la personne assignée, que l’ancien historique n’avait pas : les chiffres de fiabilité les comptent.",
    downtimes: "{count, plural, one {# arrêt de machine reconstitué} other {# arrêts de machine reconstitués}}, dont {open} en cours.",
    commentsByName: "{count, plural, one {# commentaire relié à son auteur} other {# commentaires reliés à leur auteur}} par le nom écrit.",
    commentsWrittenName: "{count, plural, one {# commentaire gardé} other {# commentaires gardés}} avec le nom écrit (personne, ou plusieurs personnes, ne porte ce nom) :",
    voiceComments: "{count, plural, one {# commentaire vocal [audio:…] devenu une note vocale} other {# commentaires vocaux [audio:…] devenus des notes vocales}} du ticket.",
    legacyNotes: "{count, plural, one {# ligne d’historique sans équivalent gardée} other {# lignes d’historique sans équivalent gardées}} comme note de l’ancien système.",
    teamChannel: "Canal d’équipe : {count, plural, one {# message} other {# messages}} (messages publics et groupe « Général »).",
    privateConversations: "Conversations privées : {count, plural, one {# message} other {# messages}} dans {pairs} {pairs, plural, one {conversation} other {conversations}}.",
    teamReadUnknown: "Canal d’équipe : {count, plural, one {# personne sans état de lecture connu} other {# personnes sans état de lecture connu}} ; l’historique importé est marqué lu pour elles.",
    filesCopied: "{count, plural, one {# fichier trouvé} other {# fichiers trouvés}} dans le bucket donné et {count, plural, one {reconnu} other {reconnus}} par {count, plural, one {son} other {leur}} contenu : l’import {count, plural, one {le copie} other {les copie}} dans celui d’Atelier sous la même clé.",
    filesNotCopied: "Fichiers non copiés (pas de --bucket) : {count, plural, one {# objet doit} other {# objets doivent}} se trouver dans le bucket d’Atelier sous la même clé.",
    webhookRecord: "{count, plural, one {# alerte de retard déjà envoyée comptée} other {# alertes de retard déjà envoyées comptées}} : un ticket déjà signalé dans la fenêtre n’est pas signalé de nouveau.",
    webhookSettings: "Alertes de retard : {state}, URL {url}.",
    settingsTaken: "Réglages repris :",
  },
  tables: {
    audit_logs: "le journal d’audit d’Atelier commence à l’import",
    push_logs: "journal des envois push de l’ancien système",
    pending_notifications: "notifications push en attente de l’ancien système",
    broadcast_messages: "messages de l’écran TV, qu’Atelier n’a pas",
    chat_guests: "invités de la messagerie, qu’Atelier n’a pas",
    chat_action_cards: "cartes d’action de la messagerie, qu’Atelier n’a pas",
    chat_participants: "lus pour les conversations (état de lecture repris)",
    user_preferences: "préférences d’affichage (seules les colonnes personnalisées sont lues)",
    planning_categories: "catégories du planning",
    roles: "rôles de l’ancien système (voir la conversion des rôles)",
    permissions: "permissions de l’ancien système",
    role_permissions: "permissions de l’ancien système",
    d1_migrations: "suivi des migrations de l’ancien système",
    _cf_KV: "table interne de Cloudflare",
    _unknown: "table inconnue de l’import",
  },
};

const en: ReportWords<ImportedCode> = {
  title: "Import from the old system",
  dryRun: "Dry run (--dry-run): nothing was written.",
  counts: "Rows per table of the old system (found → imported):",
  countLine: "{table}  {found} → {imported}",
  imported: "Imported:",
  notImported: "Not imported:",
  nothing: "nothing",
  notes: {
    teamAssignee: "“Toute l’équipe” (system account 0) is not a person: {count, plural, one {its ticket is} other {its # tickets are}} assigned to Atelier’s whole team.",
    rolesMapped: "{count, plural, one {# person moves} other {# people move}} from an old role to one of Atelier’s four (table in the README):",
    passwordsV2: "{count, plural, one {# v2 password kept} other {# v2 passwords kept}}: checked at sign-in, replaced by Atelier’s own hash at the first successful one.",
    passwordsWrapped: "{count, plural, one {# old SHA-256 hash wrapped} other {# old SHA-256 hashes wrapped}} in PBKDF2 (no weak hash is kept): people sign in with their old password.",
    inactiveUsers: "{count, plural, one {# account deleted or deactivated} other {# accounts deleted or deactivated}} in the old system: imported deactivated, their names stay in the history.",
    duplicateNames: "{count, plural, one {# active person has} other {# active people have}} someone else’s name, a name that looks like it, or one Atelier would refuse (hidden characters, mixed alphabets): correct it in Administration → Users:",
    standInUser: "Deactivated account “{name}” created for {count, plural, one {# item whose author} other {# items whose author}} no longer exists (reporter, comment author, sender).",
    standInMachine: "Machine “{name}” created for {count, plural, one {# ticket whose machine} other {# tickets whose machine}} no longer exists.",
    deletedMachinesKept: "{count, plural, one {# machine deleted} other {# machines deleted}} in the old system, kept because tickets name them:",
    customColumn: "Custom column “{label}” ({id}): {count, plural, one {# ticket placed} other {# tickets placed}} in “{stage}”, the closest stage, until plants have columns of their own. The original name stays in each ticket’s history:",
    unknownPriority: "{count, plural, one {# ticket} other {# tickets}} with an unknown priority {count, plural, one {becomes} other {become}} “{priority}”.",
    closingsAdded: "{count, plural, one {# closing added} other {# closings added}} to the history at the completion date (completed_at), in the assignee’s name, which the old history lacked: the reliability figures count them.",
    downtimes: "{count, plural, one {# machine stop rebuilt} other {# machine stops rebuilt}}, {open} of them ongoing.",
    commentsByName: "{count, plural, one {# comment linked to its author} other {# comments linked to their authors}} by the written name.",
    commentsWrittenName: "{count, plural, one {# comment kept} other {# comments kept}} with the written name (nobody, or more than one person, has that name):",
    voiceComments: "{count, plural, one {# [audio:…] voice comment became a voice note} other {# [audio:…] voice comments became voice notes}} of the ticket.",
    legacyNotes: "{count, plural, one {# history line with no equivalent kept} other {# history lines with no equivalent kept}} as a note from the old system.",
    teamChannel: "Team channel: {count, plural, one {# message} other {# messages}} (public messages and the “Général” group).",
    privateConversations: "Private conversations: {count, plural, one {# message} other {# messages}} in {pairs} {pairs, plural, one {conversation} other {conversations}}.",
    teamReadUnknown: "Team channel: {count, plural, one {# person with no known read state} other {# people with no known read state}}; the imported history is marked read for them.",
    filesCopied: "{count, plural, one {# file found} other {# files found}} in the given bucket and recognised by {count, plural, one {its} other {their}} content: the import copies {count, plural, one {it} other {them}} into Atelier’s under the same key.",
    filesNotCopied: "Files not copied (no --bucket): {count, plural, one {# object must} other {# objects must}} be in Atelier’s bucket under the same key.",
    webhookRecord: "{count, plural, one {# overdue alert already sent counted} other {# overdue alerts already sent counted}}: a ticket already reported within the window is not reported again.",
    webhookSettings: "Overdue alerts: {state}, URL {url}.",
    settingsTaken: "Settings carried over:",
  },
  tables: {
    audit_logs: "Atelier’s audit log starts with the import",
    push_logs: "the old system’s push delivery log",
    pending_notifications: "the old system’s pending push notifications",
    broadcast_messages: "TV screen messages, which Atelier does not have",
    chat_guests: "messaging guests, which Atelier does not have",
    chat_action_cards: "messaging action cards, which Atelier does not have",
    chat_participants: "conversation members (read state carried over)",
    user_preferences: "display preferences (only custom columns are read)",
    planning_categories: "planning categories",
    roles: "the old system’s roles (see the role conversion)",
    permissions: "the old system’s permissions",
    role_permissions: "the old system’s permissions",
    d1_migrations: "the old system’s migration bookkeeping",
    _cf_KV: "Cloudflare’s internal table",
    _unknown: "a table the import does not know",
  },
};

const notImportedFr: Record<NotImportedCode, string> = {
  sessions: "Sessions : chacun se connecte une fois de nouveau ; les sessions de l’ancien système ne valent pas dans Atelier.",
  pushSubscriptions: "{count, plural, one {# abonnement push} other {# abonnements push}} : chaque téléphone doit réactiver les notifications (Profil → Mes appareils), car les clés diffèrent :",
  aiPrompts: "{count, plural, one {# invite ou contexte d’IA} other {# invites et contextes d’IA}} : Atelier n’a pas d’assistant IA :",
  rolesBeyondFour: "Rôles au-delà des quatre : les {count} rôles de l’ancien système et leurs permissions ne sont pas repris ; chacun reçoit l’un des quatre rôles d’Atelier :",
  planningEvents: "{count, plural, one {# événement du planning, listé ici} other {# événements du planning, listés ici}} car Atelier n’a pas d’événements ponctuels :",
  plannerNotes: "{count, plural, one {# note du planificateur} other {# notes du planificateur}} : pas d’équivalent dans Atelier.",
  groupConversations: "{count, plural, one {# conversation de groupe} other {# conversations de groupe}} ({messages} {messages, plural, one {message} other {messages}}) : les conversations de groupe n’existent pas encore dans Atelier :",
  aiConversations: "{count, plural, one {# conversation} other {# conversations}} avec l’IA ({messages} {messages, plural, one {message} other {messages}}) : Atelier n’a pas d’assistant IA :",
  unpairedConversations: "{count, plural, one {# conversation directe} other {# conversations directes}} sans deux personnes importées ({messages} {messages, plural, one {message} other {messages}}) :",
  messagesUnknownSender: "{count, plural, one {# message} other {# messages}} d’un expéditeur qui n’est pas une personne importée (invité, IA ou système).",
  messagesDeleted: "{count, plural, one {# message supprimé} other {# messages supprimés}} dans l’ancien système.",
  messagesSystem: "{count, plural, one {# message système} other {# messages système}} (« … a rejoint le groupe »).",
  messageFiles: "{count, plural, one {# pièce jointe} other {# pièces jointes}} de message qui n’est ni une photo ni une note vocale (vidéo, fichier) :",
  systemAccounts: "{count, plural, one {# compte système} other {# comptes système}}, pas des personnes :",
  duplicateEmails: "{count, plural, one {# compte} other {# comptes}} à l’adresse déjà prise par un autre (majuscules comprises) :",
  unknownPasswords: "{count, plural, one {# mot de passe} other {# mots de passe}} de format inconnu : {count, plural, one {le compte est importé} other {les comptes sont importés}}, un administrateur doit réinitialiser le mot de passe :",
  machinesDeleted: "{count, plural, one {# machine supprimée} other {# machines supprimées}} dans l’ancien système et sans ticket :",
  machineFields: "Champs des machines sans équivalent dans Atelier :",
  orphanRows: "{count, plural, one {# ligne renvoie} other {# lignes renvoient}} à un ticket ou une personne absente de l’export :",
  mediaWrongType: "{count, plural, one {# fichier n’est} other {# fichiers ne sont}} ni une photo, ni une vidéo, ni une note vocale qu’Atelier affiche :",
  filesMissing: "{count, plural, one {# fichier absent} other {# fichiers absents}} du bucket donné (lignes gardées : copiez le fichier sous la même clé pour le retrouver) :",
  voiceMissing: "{count, plural, one {# commentaire vocal dont la note} other {# commentaires vocaux dont la note}} n’existe plus.",
  logo: "Logo ({value}) : à téléverser de nouveau dans Administration → Réglages.",
  settingsNotCarried: "{count, plural, one {# réglage} other {# réglages}} sans équivalent dans Atelier :",
  otherTables: "{count, plural, one {# table non reprise} other {# tables non reprises}} :",
};

const notImportedEn: Record<NotImportedCode, string> = {
  sessions: "Sessions: everyone signs in once more; the old system’s sessions are not valid in Atelier.",
  pushSubscriptions: "{count, plural, one {# push subscription} other {# push subscriptions}}: each phone must turn notifications on again (Profile → My devices), because the keys differ:",
  aiPrompts: "{count, plural, one {# AI prompt or context} other {# AI prompts and contexts}}: Atelier has no AI assistant:",
  rolesBeyondFour: "Roles beyond the four: the old system’s {count} roles and their permissions are not carried over; everyone gets one of Atelier’s four roles:",
  planningEvents: "{count, plural, one {# planning event, listed here} other {# planning events, listed here}} because Atelier has no one-off events:",
  plannerNotes: "{count, plural, one {# planner note} other {# planner notes}}: no equivalent in Atelier.",
  groupConversations: "{count, plural, one {# group conversation} other {# group conversations}} ({messages} {messages, plural, one {message} other {messages}}): group conversations do not exist in Atelier yet:",
  aiConversations: "{count, plural, one {# conversation} other {# conversations}} with the AI ({messages} {messages, plural, one {message} other {messages}}): Atelier has no AI assistant:",
  unpairedConversations: "{count, plural, one {# direct conversation} other {# direct conversations}} without two imported people ({messages} {messages, plural, one {message} other {messages}}):",
  messagesUnknownSender: "{count, plural, one {# message} other {# messages}} from a sender who is not an imported person (guest, AI or system).",
  messagesDeleted: "{count, plural, one {# message deleted} other {# messages deleted}} in the old system.",
  messagesSystem: "{count, plural, one {# system message} other {# system messages}} (“… joined the group”).",
  messageFiles: "{count, plural, one {# message attachment that is} other {# message attachments that are}} neither a photo nor a voice note (video, file):",
  systemAccounts: "{count, plural, one {# system account} other {# system accounts}}, not people:",
  duplicateEmails: "{count, plural, one {# account} other {# accounts}} whose address another already has (ignoring case):",
  unknownPasswords: "{count, plural, one {# password} other {# passwords}} in an unknown format: the {count, plural, one {account is} other {accounts are}} imported, an admin must reset the password:",
  machinesDeleted: "{count, plural, one {# machine deleted} other {# machines deleted}} in the old system with no ticket:",
  machineFields: "Machine fields with no equivalent in Atelier:",
  orphanRows: "{count, plural, one {# row points} other {# rows point}} to a ticket or a person missing from the export:",
  mediaWrongType: "{count, plural, one {# file is} other {# files are}} not a photo, video or voice note Atelier shows:",
  filesMissing: "{count, plural, one {# file missing} other {# files missing}} from the given bucket (rows kept: copy the file under the same key to bring it back):",
  voiceMissing: "{count, plural, one {# voice comment whose note} other {# voice comments whose note}} no longer exists.",
  logo: "Logo ({value}): upload it again in Administration → Settings.",
  settingsNotCarried: "{count, plural, one {# setting} other {# settings}} with no equivalent in Atelier:",
  otherTables: "{count, plural, one {# table not carried over} other {# tables not carried over}}:",
};

const words: Record<Locale, ReportWords> = {
  fr: { ...fr, notes: { ...fr.notes, ...notImportedFr } },
  en: { ...en, notes: { ...en.notes, ...notImportedEn } },
};

/** The words a note's values use, in the report's language: stages, roles, on/off. */
export function reportTerms(locale: Locale) {
  const t = messagesFor(locale);
  return { status: t.status, roles: t.roles, priority: t.priority, on: locale === "fr" ? "activées" : "on", off: locale === "fr" ? "désactivées" : "off" };
}

/** Why a table is not read, in the report's language. */
export function tableReason(table: string, locale: Locale): string {
  const tables = words[locale].tables;
  return tables[table] || tables._unknown!;
}

/** A note's values in the report's language: a stage, a priority, on or off are stored as codes. */
function worded(values: NoteValues | undefined, locale: Locale): NoteValues {
  const terms = reportTerms(locale);
  const out: NoteValues = { ...values };
  if (typeof out.stage === "string") out.stage = terms.status[out.stage as keyof typeof terms.status] ?? out.stage;
  if (typeof out.priority === "string") out.priority = terms.priority[out.priority as keyof typeof terms.priority] ?? out.priority;
  if (out.state === "on" || out.state === "off") out.state = terms[out.state];
  return out;
}

function noteText(note: ReportNote, locale: Locale): string {
  const lines = [format(words[locale].notes[note.code], { count: note.count, ...worded(note.values, locale) }, locale)];
  for (const item of note.items ?? []) {
    // A table left out says why (tableReason); other items are what they are.
    const reason = note.code === "otherTables" ? ` : ${tableReason(item.split(" ")[0]!, locale)}` : "";
    lines.push(`    – ${item}${locale === "en" ? reason.replace(" : ", ": ") : reason}`);
  }
  return lines.join("\n");
}

/** The report as the command prints it. */
export function formatReport(report: ImportReport, locale: Locale, options: { dryRun?: boolean } = {}): string {
  const w = words[locale];
  const width = Math.max(...report.counts.map((c) => c.table.length), 0);
  const lines = [w.title, ...(options.dryRun ? [w.dryRun] : []), "", w.counts];
  for (const c of report.counts) lines.push(`  ${format(w.countLine, { table: c.table.padEnd(width), found: c.found, imported: c.imported })}`);
  lines.push("", w.imported);
  lines.push(...(report.imported.length ? report.imported.map((n) => `  • ${noteText(n, locale)}`) : [`  ${w.nothing}`]));
  lines.push("", w.notImported);
  lines.push(...(report.notImported.length ? report.notImported.map((n) => `  • ${noteText(n, locale)}`) : [`  ${w.nothing}`]));
  return lines.join("\n");
}
