import type { Metadata } from "next";
import { ScreenPage } from "@/components/tv/screen-page";
import { getMessages } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.tv.screen.title, robots: { index: false, follow: false } };
}

/** The same screen as /tv/<secret>, for a TV whose browser keeps a query string better than a path (/tv?key=<secret>). */
export default async function TvKeyPage({ searchParams }: PageProps<"/tv">) {
  const key = (await searchParams).key;
  return <ScreenPage secret={typeof key === "string" ? key : ""} />;
}
