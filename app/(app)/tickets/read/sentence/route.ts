import { readRoute } from "@/lib/read-route";
import { readSentenceReport } from "@/lib/tickets/sentence-report";

// /tickets/read/sentence?texte=…: what the report form's "Décrivez le problème" fills in (machine, priority, title, description).
export const GET = readRoute(readSentenceReport, (query) => ({ texte: query.get("texte") ?? "" }));
