import { SelectField } from "@/components/ui/fields";
import type { Messages } from "@/lib/i18n";

interface CsvExportFormProps {
  /** The route handler that streams the file (it checks the session and permission). */
  action: string;
  id: string;
  title: string;
  help: string;
  t: Messages;
}

/** A GET form to a download route: the separator is the only choice. */
export function CsvExportForm({ action, id, title, help, t }: CsvExportFormProps) {
  const d = t.admin.data;
  return (
    <form method="get" action={action} className="space-y-2 rounded-lg border border-slate-200 p-3">
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm text-slate-600">{help}</p>
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          id={`${id}-sep`}
          name="sep"
          label={d.separator}
          defaultValue="semicolon"
          options={[
            { value: "semicolon", label: d.semicolon },
            { value: "comma", label: d.comma },
          ]}
        />
        <button type="submit" className="btn-secondary">{d.download}</button>
      </div>
    </form>
  );
}
