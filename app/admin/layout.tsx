import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";

// Every page under /admin is for admins: strangers are sent to sign in, volunteers get a 403.
// Pages here call requireAdmin() themselves too (a layout is not re-run on every navigation).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <>
      <p className="mb-2 text-xs tracking-widest text-muted uppercase">
        <Link href="/admin" className="hover:text-text">
          Administration
        </Link>
      </p>
      {children}
    </>
  );
}
