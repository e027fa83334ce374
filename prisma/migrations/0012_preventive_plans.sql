-- Migration: preventive_plans
-- Preventive maintenance plans (lib/plans/): the plans, the checklist each
-- generated ticket carries, and on tickets the plan and occurrence they were
-- generated for. Additive: existing tickets get NULL plan_id and plan_due_at.
-- The unique (plan_id, plan_due_at) index backs the cron's claim: an occurrence
-- becomes a ticket once, whatever runs overlap (NULLs are distinct in SQLite, so
-- reported tickets are not constrained). tickets.plan_id has no foreign key:
-- SQLite cannot add one to an existing table without rebuilding it.

-- AlterTable
ALTER TABLE "tickets" ADD COLUMN "plan_due_at" DATETIME;
ALTER TABLE "tickets" ADD COLUMN "plan_id" INTEGER;

-- CreateTable
CREATE TABLE "maintenance_plans" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "machine_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "steps" TEXT NOT NULL DEFAULT '[]',
    "assigned_to" INTEGER NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'medium',
    "recurrence" TEXT NOT NULL,
    "interval_count" INTEGER NOT NULL,
    "start_date" TEXT NOT NULL,
    "time_of_day" TEXT NOT NULL,
    "lead_days" INTEGER NOT NULL DEFAULT 0,
    "next_due_at" DATETIME,
    "missed_streak" INTEGER NOT NULL DEFAULT 0,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "created_by" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    CONSTRAINT "maintenance_plans_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machines" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "maintenance_plans_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ticket_checklist_items" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticket_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "done_at" DATETIME,
    "done_by" INTEGER,
    CONSTRAINT "ticket_checklist_items_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ticket_checklist_items_done_by_fkey" FOREIGN KEY ("done_by") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "maintenance_plans_machine_id_idx" ON "maintenance_plans"("machine_id");

-- CreateIndex
CREATE INDEX "maintenance_plans_next_due_at_idx" ON "maintenance_plans"("next_due_at");

-- CreateIndex
CREATE INDEX "ticket_checklist_items_done_by_idx" ON "ticket_checklist_items"("done_by");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_checklist_items_ticket_id_position_key" ON "ticket_checklist_items"("ticket_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_plan_id_plan_due_at_key" ON "tickets"("plan_id", "plan_due_at");
