"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import * as machines from "@/lib/machines/operations";
import * as plans from "@/lib/plans/operations";

// As in tickets/actions.ts: re-render the page the action came from, or go where the result is.
export const createMachineAction = serverAction(machines.createMachine, ({ id }) => redirect(`/machines/${id}`));
export const updateMachineAction = serverAction(machines.updateMachine, refresh);
export const setMachineStatusAction = serverAction(machines.setMachineStatus, refresh);
export const deleteMachineAction = serverAction(machines.deleteMachine, () => redirect("/machines"));

// Preventive plans live on their machine's page: each change renders it again.
export const createPlanAction = serverAction(plans.createPlan, refresh);
export const updatePlanAction = serverAction(plans.updatePlan, refresh);
export const setPlanPausedAction = serverAction(plans.setPlanPaused, refresh);
export const deletePlanAction = serverAction(plans.deletePlan, refresh);
