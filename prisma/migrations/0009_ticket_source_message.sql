-- Migration: ticket_source_message
-- A ticket reported from a message ("Créer un ticket" in a conversation) keeps the
-- message's id, so the ticket page links back to it. Additive: older tickets have
-- NULL. No foreign key: SQLite cannot add one to an existing table without
-- rebuilding it, and a message is never deleted as a row (its content is cleared).

-- AlterTable
ALTER TABLE "tickets" ADD COLUMN "source_message_id" INTEGER;
