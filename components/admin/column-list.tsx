import { deleteColumnAction, updateColumnAction } from "@/app/(admin)/admin/settings/columns/actions";
import { ColumnSwatch } from "@/components/tickets/column-swatch";
import { ActionButton } from "@/components/ui/action-button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/fields";
import { ActionForm } from "@/components/ui/form";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { AdminColumn } from "@/lib/tickets/column-admin";
import { columnColors, type Stage } from "@/lib/tickets/columns";
import { ColumnForm, type ColumnFormLabels } from "./column-form";
import { ColumnOrder } from "./column-order";

interface ColumnListProps {
  columns: AdminColumn[];
  maxName: number;
  formLabels: ColumnFormLabels;
  locale: Locale;
  t: Messages;
}

/**
 * The board's columns in its order, each with its colour, its names in both
 * languages, its stage and how many tickets it holds; moved up or down, edited in
 * place, deleted when it may be: an empty one after a confirmation, one with tickets
 * only by moving them first (the page says so and offers where), a built-in
 * received, completed or archived column never.
 */
export function ColumnList({ columns, maxName, formLabels, locale, t }: ColumnListProps) {
  const c = t.columns;
  return (
    <ol className="space-y-3" aria-label={c.listHeading}>
      {columns.map((column, index) => {
        const name = column.names[locale];
        return (
          <li key={column.id} className="space-y-2 rounded-lg border border-slate-200 p-3" data-column-row={column.key}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <h3 className="flex min-w-0 items-center gap-2 font-semibold break-words">
                <ColumnSwatch color={column.color} className="h-3.5 w-3.5" />
                {name}
              </h3>
              <span className="text-sm text-slate-700 tabular-nums" data-testid="column-tickets">
                {format(c.tickets, { count: column.tickets }, locale)}
              </span>
            </div>
            <p className="text-sm text-slate-700">
              {format(c.stage, { stage: c.stages[column.stage as Stage] })} · {c.colors[column.color]}
            </p>
            <p className="text-sm break-words text-slate-600">{format(c.names, { fr: column.names.fr, en: column.names.en })}</p>
            {column.protected && <p className="text-sm text-slate-600">{c.protected}</p>}
            <div className="flex flex-wrap items-start gap-2">
              <ColumnOrder
                id={column.id}
                index={index}
                last={index === columns.length - 1}
                labels={{ up: c.up, down: c.down, upLabel: format(c.upLabel, { name }), downLabel: format(c.downLabel, { name }), moving: c.moving }}
              />
              {!column.protected && column.tickets === 0 && (
                <ActionButton
                  action={deleteColumnAction.bind(null, { id: column.id })}
                  label={c.delete}
                  pendingLabel={c.deleting}
                  aria-label={format(c.deleteLabel, { name })}
                  confirm={{ question: format(c.deleteConfirm, { name }), confirmLabel: c.delete, cancelLabel: t.common.cancel, danger: true }}
                  className="btn-secondary min-h-11 text-red-700"
                />
              )}
            </div>
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="min-h-8 cursor-pointer font-medium" aria-label={format(c.editLabel, { name })}>
                {c.edit}
              </summary>
              <div className="mt-3">
                <ColumnForm
                  column={{ id: column.id, names: column.names, color: column.color }}
                  action={updateColumnAction}
                  colors={columnColors}
                  maxName={maxName}
                  labels={formLabels}
                />
              </div>
            </details>
            {!column.protected && column.tickets > 0 && <MoveAndDelete column={column} others={columns.filter((o) => o.id !== column.id)} locale={locale} t={t} />}
          </li>
        );
      })}
    </ol>
  );
}

/** A column that holds tickets: why it cannot go yet, and where its tickets may go first. */
function MoveAndDelete({ column, others, locale, t }: { column: AdminColumn; others: AdminColumn[]; locale: Locale; t: Messages }) {
  const c = t.columns;
  const name = column.names[locale];
  const count = column.tickets;
  return (
    <details className="rounded-md border border-red-200 p-3">
      <summary className="min-h-8 cursor-pointer font-medium text-red-800" aria-label={format(c.deleteLabel, { name })}>
        {c.delete}
      </summary>
      <div className="mt-3 space-y-3">
        <p className="text-sm text-slate-800">{format(c.notEmpty, { name, count }, locale)}</p>
        <ActionForm action={deleteColumnAction} className="space-y-3" aria-label={format(c.deleteLabel, { name })}>
          <input type="hidden" name="id" value={column.id} />
          <SelectField
            id={`column-move-${column.id}`}
            name="moveTo"
            label={format(c.moveTo, { count }, locale)}
            // A column of the same stage first: the tickets' rules stay as they were.
            defaultValue={(others.find((other) => other.stage === column.stage) ?? others[0])?.key}
            options={others.map((other) => ({ value: other.key, label: other.names[locale] }))}
          />
          <ConfirmButton
            pendingLabel={c.deleting}
            question={format(c.moveConfirm, { name, count }, locale)}
            confirmLabel={c.moveAndDelete}
            cancelLabel={t.common.cancel}
            danger
            className="btn-secondary min-h-11 text-red-700"
          >
            {c.moveAndDelete}
          </ConfirmButton>
        </ActionForm>
      </div>
    </details>
  );
}
