import type { Messages } from "@/lib/i18n";

/** "Comment c'est calculé": the exact rules of lib/reliability/figures.ts, in words, one click away. */
export function Definitions({ t }: { t: Messages["stats"]["definitions"] }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium">{t.title}</summary>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
        {Object.values(t.items).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  );
}
