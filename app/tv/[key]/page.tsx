import type { Metadata } from "next";
import { ScreenPage } from "@/components/tv/screen-page";
import { getMessages } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  // The address holds the screen's secret: no search engine, no preview, keeps it.
  return { title: t.tv.screen.title, robots: { index: false, follow: false } };
}

/** A shop screen (/tv/<secret>): no sign-in, the link is its key (lib/tv/links.ts). */
export default async function TvPage({ params }: PageProps<"/tv/[key]">) {
  return <ScreenPage secret={(await params).key} />;
}
