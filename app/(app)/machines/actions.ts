"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { performAsCurrentUser } from "@/lib/action";
import { createMachine, deleteMachine, setMachineStatus, updateMachine } from "@/lib/machines";
import type { ActionResult } from "@/lib/operation";

function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function createMachineAction(raw: unknown) {
  const result = await performAsCurrentUser(createMachine, raw);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/machines/${result.data.id}`);
}

export async function updateMachineAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(updateMachine, raw));
}

export async function setMachineStatusAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(setMachineStatus, raw));
}

export async function deleteMachineAction(raw: unknown) {
  const result = await performAsCurrentUser(deleteMachine, raw);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect("/machines");
}
