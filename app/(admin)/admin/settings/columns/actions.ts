"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/action";
import { addColumn, deleteColumn, moveColumn, updateColumn } from "@/lib/tickets/column-admin";

// This page lists what these change; open boards hear it through the hub (ticketsChanged) and read themselves again.
const thisPage = () => revalidatePath("/admin/settings/columns");

export const addColumnAction = serverAction(addColumn, thisPage);
export const updateColumnAction = serverAction(updateColumn, thisPage);
export const moveColumnAction = serverAction(moveColumn, thisPage);
export const deleteColumnAction = serverAction(deleteColumn, thisPage);
