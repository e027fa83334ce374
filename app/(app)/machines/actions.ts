"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import * as machines from "@/lib/machines/operations";

// As in tickets/actions.ts: re-render the page the action came from, or go where the result is.
export const createMachineAction = serverAction(machines.createMachine, ({ id }) => redirect(`/machines/${id}`));
export const updateMachineAction = serverAction(machines.updateMachine, refresh);
export const setMachineStatusAction = serverAction(machines.setMachineStatus, refresh);
export const deleteMachineAction = serverAction(machines.deleteMachine, () => redirect("/machines"));
