import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/request";

// The shell takes guests (it shows them their conversations alone); each page says whether it does.
export default async function AppLayout({ children }: LayoutProps<"/">) {
  return <AppShell user={await requireUser({ guests: true })}>{children}</AppShell>;
}
