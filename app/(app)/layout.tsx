import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/request";

export default async function AppLayout({ children }: LayoutProps<"/">) {
  return <AppShell user={await requireUser()}>{children}</AppShell>;
}
