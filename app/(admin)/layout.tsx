import { AppShell } from "@/components/shell/app-shell";
import { requirePermission } from "@/lib/request";

// The lowest bar of the admin area (supervisors may read the users list);
// each page checks its own, stricter permission as well.
export default async function AdminLayout({ children }: LayoutProps<"/">) {
  return <AppShell user={await requirePermission("user.list")}>{children}</AppShell>;
}
