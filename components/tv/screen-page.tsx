import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { getLocale } from "@/lib/request";
import { openScreen } from "@/lib/tv/screen";
import { RevokedScreen } from "./revoked";
import { TvScreen } from "./screen";

/**
 * The page a screen's link opens, with no session: the screen as its link says, in
 * its language, or "Lien révoqué" (a revoked link in its own language, an unknown
 * one in the visitor's).
 */
export async function ScreenPage({ secret }: { secret: string }) {
  const screen = await openScreen(await getDb(), secret);
  if (screen.state !== "open") {
    const locale = screen.state === "revoked" ? screen.locale : await getLocale();
    return <RevokedScreen locale={locale} words={messagesFor(locale).tv.screen} />;
  }
  const t = messagesFor(screen.locale);
  return <TvScreen secret={secret} initial={screen.view} locale={screen.locale} timeZone={screen.timeZone} words={{ ...t.tv.screen, urgencies: t.tv.urgencies, duration: t.duration }} />;
}
