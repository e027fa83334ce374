"use client";

import { ColumnSwatch } from "@/components/tickets/column-swatch";
import { TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, useActionFormState, type FormAction } from "@/components/ui/form";
import type { Messages } from "@/lib/i18n";
import type { ColumnColor, Stage } from "@/lib/tickets/columns";

export type ColumnFormLabels = Pick<
  Messages["columns"],
  "nameFr" | "nameEn" | "nameHelp" | "color" | "colors" | "stageField" | "stages" | "stageHelp" | "save" | "saving" | "saved" | "add" | "adding" | "added" | "edit" | "addHeading"
>;

interface ColumnFormProps {
  /** Set: the form renames and recolours this column (its stage stays). Otherwise it adds one, in the stage chosen. */
  column?: { id: number; names: { fr: string; en: string }; color: ColumnColor };
  action: FormAction<unknown>;
  colors: readonly ColumnColor[];
  /** The stages a new column may be in; an edited column keeps its own. */
  stages?: readonly Stage[];
  maxName: number;
  labels: ColumnFormLabels;
}

/** A column's names in both languages and its colour; a new one's stage, each stage said with what it means for the rules. */
export function ColumnForm({ column, action, colors, stages, maxName, labels }: ColumnFormProps) {
  const idPart = column ? `-${column.id}` : "-new";
  return (
    <ActionForm
      action={action}
      successMessage={column ? labels.saved : labels.added}
      resetOnSuccess={!column}
      className="space-y-4"
      aria-label={column ? labels.edit : labels.addHeading}
    >
      {column && <input type="hidden" name="id" value={column.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={`column-fr${idPart}`} name="nameFr" label={labels.nameFr} help={labels.nameHelp} defaultValue={column?.names.fr} required maxLength={maxName} lang="fr" />
        <TextField id={`column-en${idPart}`} name="nameEn" label={labels.nameEn} help={labels.nameHelp} defaultValue={column?.names.en} required maxLength={maxName} lang="en" />
      </div>
      {!column && stages && (
        <Choices name="stage" legend={labels.stageField} idPart={idPart} defaultValue="in_work">
          {stages.map((stage) => ({
            value: stage,
            label: labels.stages[stage],
            help: labels.stageHelp[stage],
          }))}
        </Choices>
      )}
      <Choices name="color" legend={labels.color} idPart={idPart} defaultValue={column?.color ?? colors[0]!} compact>
        {colors.map((color) => ({ value: color, label: labels.colors[color], swatch: color }))}
      </Choices>
      <SubmitButton pendingLabel={column ? labels.saving : labels.adding} className="btn-primary w-full sm:w-auto">
        {column ? labels.save : labels.add}
      </SubmitButton>
    </ActionForm>
  );
}

interface Choice {
  value: string;
  label: string;
  help?: string;
  swatch?: ColumnColor;
}

/** Radio buttons as a group with its legend: each a whole row a gloved finger can hit, arrows between them. */
function Choices({ name, legend, idPart, defaultValue, compact, children }: { name: string; legend: string; idPart: string; defaultValue: string; compact?: boolean; children: Choice[] }) {
  const { fieldErrors } = useActionFormState();
  const error = fieldErrors[name];
  const errorId = `column-${name}${idPart}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={compact ? "grid grid-cols-2 gap-2 sm:grid-cols-5" : "space-y-2"}>
        {children.map((choice) => {
          const id = `column-${name}-${choice.value}${idPart}`;
          return (
            <label
              key={choice.value}
              htmlFor={id}
              className="flex min-h-11 cursor-pointer items-start gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-slate-900 has-[:checked]:ring-2 has-[:checked]:ring-slate-900/20 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-amber-600"
            >
              <input id={id} type="radio" name={name} value={choice.value} defaultChecked={choice.value === defaultValue} className="mt-1 h-4 w-4 shrink-0" />
              <span className="min-w-0">
                <span className="flex items-center gap-2 font-medium">
                  {choice.swatch && <ColumnSwatch color={choice.swatch} className="h-4 w-4" />}
                  {choice.label}
                </span>
                {choice.help && <span className="block text-sm text-slate-600">{choice.help}</span>}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
