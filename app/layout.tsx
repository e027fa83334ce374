import type { Metadata, Viewport } from "next";
import { getMessages } from "@/lib/request";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return {
    title: { default: t.meta.title, template: `%s · ${t.meta.title}` },
    description: t.meta.description,
    // Plain files in public/: the assets binding serves them without running the worker.
    icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f172a" };

export default async function RootLayout({ children }: LayoutProps<"/">) {
  const { locale, t } = await getMessages();
  return (
    <html lang={locale === "fr" ? "fr-CA" : "en-CA"}>
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t.nav.skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}
