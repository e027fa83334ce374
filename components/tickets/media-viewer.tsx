"use client";

import { useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { format as fill } from "@/lib/i18n/format";

export interface MediaItem {
  id: number;
  name: string;
  video: boolean;
  /** Its delete control, shown under its own thumbnail (absent when this user may not delete it). */
  remove?: React.ReactNode;
}

interface MediaViewerProps {
  items: MediaItem[];
  labels: { open: string; close: string; previous: string; next: string; viewer: string; position: string };
}

/** Thumbnails that open a full-screen viewer (a modal dialog: Escape closes, arrows browse). */
export function MediaViewer({ items, labels }: MediaViewerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(0);
  const current = items[index];
  const several = items.length > 1;
  const go = (step: number) => setIndex((i) => (i + step + items.length) % items.length);

  return (
    <>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="media-grid">
        {items.map((item, i) => (
          <li key={item.id} className="min-w-0 space-y-1" data-testid="media-item">
            <button
              type="button"
              onClick={() => (setIndex(i), dialog.current?.showModal())}
              aria-label={fill(labels.open, { name: item.name })}
              className="block aspect-square w-full overflow-hidden rounded-md border border-slate-200 bg-slate-200"
            >
              {item.video ? (
                <span className="flex h-full items-center justify-center text-slate-700">
                  <Icon name="play" className="h-10 w-10" />
                </span>
              ) : (
                // eslint-disable-next-line @next/next/no-img-element -- private media behind a session check, no optimizer
                <img src={`/media/${item.id}`} alt="" loading="lazy" className="h-full w-full object-cover" />
              )}
            </button>
            <p className="truncate text-xs text-slate-600" title={item.name}>{item.name}</p>
            {item.remove}
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        aria-label={labels.viewer}
        onKeyDown={(e) => (several && e.key === "ArrowRight" ? go(1) : several && e.key === "ArrowLeft" ? go(-1) : undefined)}
        className="m-auto max-h-[95dvh] w-[min(60rem,calc(100vw-1rem))] rounded-lg bg-slate-950 p-3 text-white backdrop:bg-black/80"
      >
        {current && (
          <figure>
            {current.video ? (
              <video key={current.id} src={`/media/${current.id}`} controls playsInline className="mx-auto max-h-[70dvh]" />
            ) : (
              // eslint-disable-next-line @next/next/no-img-element -- see above
              <img key={current.id} src={`/media/${current.id}`} alt={current.name} className="mx-auto max-h-[70dvh] object-contain" />
            )}
            <figcaption className="mt-2 text-center text-sm break-all">
              {current.name}
              {several && ` — ${fill(labels.position, { index: index + 1, count: items.length })}`}
            </figcaption>
          </figure>
        )}
        {/* Three equal columns, so "Suivant" fits at 360 px; browsing only when there is something to browse. */}
        <div className={several ? "mt-3 grid grid-cols-3 gap-2" : "mt-3 flex justify-center"}>
          {several && (
            <button type="button" className="btn-secondary min-w-0 px-2 text-sm" onClick={() => go(-1)}>
              {labels.previous}
            </button>
          )}
          <button type="button" className="btn-secondary min-w-0 px-2 text-sm" onClick={() => dialog.current?.close()} autoFocus>
            {labels.close}
          </button>
          {several && (
            <button type="button" className="btn-secondary min-w-0 px-2 text-sm" onClick={() => go(1)}>
              {labels.next}
            </button>
          )}
        </div>
      </dialog>
    </>
  );
}
