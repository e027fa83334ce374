"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { performAsCurrentUser } from "@/lib/action";
import { createMachine, deleteMachine, setMachineStatus, updateMachine } from "@/lib/machines/operations";

// As in tickets/actions.ts: re-render the page the action came from, or go where the result is.
export async function createMachineAction(raw: unknown) {
  const result = await performAsCurrentUser(createMachine, raw);
  if (!result.ok) return result;
  redirect(`/machines/${result.data.id}`);
}

export async function updateMachineAction(raw: unknown) {
  const result = await performAsCurrentUser(updateMachine, raw);
  if (result.ok) refresh();
  return result;
}

export async function setMachineStatusAction(raw: unknown) {
  const result = await performAsCurrentUser(setMachineStatus, raw);
  if (result.ok) refresh();
  return result;
}

export async function deleteMachineAction(raw: unknown) {
  const result = await performAsCurrentUser(deleteMachine, raw);
  if (!result.ok) return result;
  redirect("/machines");
}
