"use client";

import { ErrorMessage } from "@/components/shell/error-message";

// Only the digest reaches the browser: Next strips server error details in
// production, and we never render error.message.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage digest={error.digest} onRetry={reset} />;
}
