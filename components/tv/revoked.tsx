import "./tv.css";

/** A revoked or unknown link: a plain screen that says so, in the link's language, and nothing else. */
export function RevokedScreen({ locale, words }: { locale: string; words: { revoked: string; revokedHelp: string } }) {
  return (
    <main id="main" lang={locale} className="tv-screen flex h-dvh flex-col items-center justify-center gap-6 bg-slate-950 px-[4rem] text-center text-slate-50">
      <h1 className="text-[3rem] font-bold">{words.revoked}</h1>
      <p className="max-w-[40rem] text-[1.3rem] text-slate-300">{words.revokedHelp}</p>
    </main>
  );
}
