// Atelier's rows as the import writes them: one type per table, keyed by the
// column names, in the order the tables are written (each only after the
// tables its foreign keys name). statements.ts turns them into SQL.
import type { ImportReport } from "./report";

export type Cell = string | number | null | Date;

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: number;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  must_change_password: number;
  session_version: number;
  name_key: string | null;
}

export interface MachineRow {
  id: number;
  machine_type: string;
  model: string | null;
  serial_number: string | null;
  location: string | null;
  status: string;
  created_at: Date;
  updated_at: Date;
  down_since: Date | null;
  down_ticket_id: number | null;
}

export interface TicketRow {
  id: number;
  ticket_id: string;
  title: string;
  description: string;
  machine_id: number;
  status: string;
  priority: string;
  reported_by: number;
  assigned_to: number | null;
  scheduled_date: Date | null;
  completed_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DowntimeRow {
  id: number;
  machine_id: number;
  ticket_id: number;
  started_at: Date;
  ended_at: Date | null;
  started_by: number;
  ended_by: number | null;
}

export interface CommentRow {
  id: number;
  ticket_id: number;
  user_id: number;
  content: string;
  created_at: Date;
  updated_at: Date;
  author_name: string | null;
}

export interface MediaRow {
  id: number;
  ticket_id: number;
  file_key: string;
  file_name: string;
  file_type: string;
  file_size: number;
  uploaded_by: number;
  created_at: Date;
  duration: number | null;
}

export interface EventRow {
  id: number;
  ticket_id: number;
  actor_id: number | null;
  type: string;
  from_value: string | null;
  to_value: string | null;
  created_at: Date;
}

export interface MessageRow {
  id: number;
  sender_id: number;
  recipient_id: number | null;
  content: string;
  audio_key: string | null;
  audio_duration: number | null;
  audio_type: string | null;
  audio_size: number | null;
  read_at: Date | null;
  created_at: Date;
  conversation_key: string;
}

export interface AttachmentRow {
  id: number;
  message_id: number;
  file_key: string;
  file_type: string;
  file_size: number;
  created_at: Date;
}

export interface ReadRow {
  conversation_key: string;
  user_id: number;
  other_user_id: number | null;
  last_read_id: number;
  updated_at: Date;
}

export interface NotificationRow {
  id: number;
  ticket_id: number;
  notification_type: string;
  webhook_url: string;
  webhook_id: string;
  delivery_status: string;
  attempts: number;
  sent_at: Date | null;
  last_attempt_at: Date | null;
  response_status: number | null;
  response_body: string | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface AttemptRow {
  id: number;
  notification_id: number;
  attempt_number: number;
  trigger: string;
  started_at: Date;
  duration_ms: number;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
}

export interface SettingRow {
  key: string;
  value: string;
  updated_at: Date;
}

/** Every table the import writes, in the order it writes them. */
export interface Rows {
  users: UserRow[];
  machines: MachineRow[];
  tickets: TicketRow[];
  machine_downtimes: DowntimeRow[];
  ticket_comments: CommentRow[];
  media: MediaRow[];
  ticket_events: EventRow[];
  messages: MessageRow[];
  message_attachments: AttachmentRow[];
  message_reads: ReadRow[];
  webhook_notifications: NotificationRow[];
  webhook_attempts: AttemptRow[];
  settings: SettingRow[];
}

export type TableName = keyof Rows;

export function emptyRows(): Rows {
  return {
    users: [],
    machines: [],
    tickets: [],
    machine_downtimes: [],
    ticket_comments: [],
    media: [],
    ticket_events: [],
    messages: [],
    message_attachments: [],
    message_reads: [],
    webhook_notifications: [],
    webhook_attempts: [],
    settings: [],
  };
}

/** A file a row names, in the old system's bucket: copied to Atelier's under the same key. */
export interface FileRef {
  key: string;
  /** What Atelier shows it as: a ticket's photo or video, a voice note, or a message's photo. */
  use: "media" | "audio" | "photo";
  /** The row that names it. */
  table: "media" | "messages" | "message_attachments";
  id: number;
}

export interface ImportPlan {
  rows: Rows;
  files: FileRef[];
  report: ImportReport;
}
