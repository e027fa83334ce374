import type { MetadataRoute } from "next";
import { getMessages, getRequestSettings } from "@/lib/request";

// Read per request: the name is the company's (settings) and the words the visitor's language.
export const dynamic = "force-dynamic";

/** The web app manifest (Next links it from every page): what a phone installs. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [{ locale, t }, settings] = await Promise.all([getMessages(), getRequestSettings()]);
  return {
    name: settings.companyName,
    short_name: settings.companyName.length <= 12 ? settings.companyName : t.meta.title,
    description: t.inbox.manifest.description,
    lang: locale === "fr" ? "fr-CA" : "en-CA",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#ffffff",
    theme_color: "#0f172a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
