// The app's icons: inline SVG (no icon font, no request), decorative since
// every tab and button carries its word too.
const paths = {
  home: "M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
  tickets: "M4 4h5v16H4zM10.5 4h5v10h-5zM17 4h3v7h-3z",
  report: "M12 5v14M5 12h14",
  messages: "M4 5h16v11H8l-4 4z",
  more: "M5 12h.01M12 12h.01M19 12h.01",
  camera: "M4 7h4l2-2h4l2 2h4v12H4zM12 10a3 3 0 1 0 0 6 3 3 0 0 0 0-6z",
  note: "M4 20h4L19 9l-4-4L4 16zM13 7l4 4",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = "h-6 w-6" }: { name: IconName; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth={name === "more" ? 3.5 : 2} strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}
