-- Atelier's public address becomes a general setting ("appUrl"): the QR labels and the
-- overdue alerts both link to it, so it no longer lives among the webhook settings. The
-- value an admin saved on the Notifications page ("webhook.appUrl") is carried over. The
-- old row stays: a worker rolled back to the previous release still reads it there.
INSERT INTO settings (key, value, updated_at, updated_by)
SELECT 'appUrl', value, updated_at, updated_by FROM settings WHERE key = 'webhook.appUrl'
ON CONFLICT (key) DO NOTHING;
