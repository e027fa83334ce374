import { AppShell } from "@/components/shell/app-shell";
import { NotFoundBody, notFoundMetadata } from "@/components/shell/not-found-body";
import { getCurrentUser } from "@/lib/request";

// The 404 for unknown addresses. A notFound() inside the signed-in areas is
// caught by their own not-found (app/(app)/, app/(admin)/), inside the shell their
// layout already draws. Signed-in people keep the shell here too, so the way on
// is one tap away.
export const generateMetadata = notFoundMetadata;

export default async function NotFound() {
  const user = await getCurrentUser();
  if (user && !user.mustChangePassword) {
    return (
      <AppShell user={user}>
        <NotFoundBody />
      </AppShell>
    );
  }
  return (
    <main id="main" tabIndex={-1} className="px-4 outline-none">
      <NotFoundBody />
    </main>
  );
}
