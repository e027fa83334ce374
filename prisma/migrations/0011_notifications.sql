-- Migration: notifications
-- Telling people (lib/notifications/): one row per event per person, their
-- channel per kind, their browsers' push subscriptions and each push's outcome.
-- New tables only. No foreign keys: rows are written by INSERT ... SELECT in the
-- batch of the change they tell of, and users, tickets and messages are never
-- deleted as rows.

-- CreateTable
CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipient_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" INTEGER,
    "ticket_id" INTEGER,
    "message_id" INTEGER,
    "machine_id" INTEGER,
    "push" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL,
    "read_at" DATETIME
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("user_id", "kind")
);

-- CreateTable
CREATE TABLE "push_devices" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "last_used_at" DATETIME
);

-- CreateTable
CREATE TABLE "notification_pushes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "notification_id" INTEGER NOT NULL,
    "device_id" INTEGER,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "response_status" INTEGER,
    "error" TEXT,
    "updated_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "notifications_recipient_id_id_idx" ON "notifications"("recipient_id", "id");

-- CreateIndex
CREATE INDEX "notifications_recipient_id_read_at_idx" ON "notifications"("recipient_id", "read_at");

-- CreateIndex
CREATE INDEX "notifications_ticket_id_kind_created_at_idx" ON "notifications"("ticket_id", "kind", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "push_devices_endpoint_key" ON "push_devices"("endpoint");

-- CreateIndex
CREATE INDEX "push_devices_user_id_idx" ON "push_devices"("user_id");

-- CreateIndex
CREATE INDEX "notification_pushes_device_id_idx" ON "notification_pushes"("device_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_pushes_notification_id_device_id_key" ON "notification_pushes"("notification_id", "device_id");
