"use client";

import { ErrorMessage } from "@/components/shell/error-message";
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr-CA">
      <body>
        <ErrorMessage digest={error.digest} onRetry={reset} />
      </body>
    </html>
  );
}
