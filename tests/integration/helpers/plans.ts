import type { z } from "zod";
import type { planInput } from "@/lib/plans/model";

/**
 * A plan's form as a lead submits it: daily at 08:00 from Monday 2 March 2026,
 * for the whole team, two steps (and the blank lines a textarea leaves).
 */
export function planForm(machineId: number, extra: Record<string, unknown> = {}): z.input<typeof planInput> {
  return {
    machineId,
    title: "Graissage quotidien",
    steps: "Vérifier le niveau d’huile\nGraisser les paliers\n\n",
    assignee: "team",
    priority: "high",
    recurrence: "days",
    interval: "1",
    startDate: "2026-03-02",
    timeOfDay: "08:00",
    leadDays: "0",
    ...extra,
  } as z.input<typeof planInput>;
}
