import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { Stat } from "@/components/ui/stat";
import { getAccountCounts } from "@/lib/auth/queries";
import { requireAdmin } from "@/lib/auth/session";
import { formatInt } from "@/lib/format";

export const metadata: Metadata = { title: "Administration" };

// The operators' tools, one line each; an admin page added later gets its line here.
const ADMIN_TOOLS: { href: string; label: string; description: string }[] = [
  { href: "/admin/challenges", label: "Challenges", description: "Define team challenges and see their standings." },
];

const count = (n: number, noun: string) => `${formatInt(n)} ${noun}${n === 1 ? "" : "s"}`;

export default async function AdminPage() {
  await requireAdmin("/admin");
  const counts = await getAccountCounts();
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Administration</h1>
      <p className="mt-1 text-sm text-muted">
        Accounts of the portal and the operators&apos; tools. Galaxies, results and statistics are managed from the
        command line (README, &ldquo;Operating the survey&rdquo;).
      </p>
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-3" data-testid="account-counts">
        <Stat
          label="Accounts"
          value={formatInt(counts.total)}
          hint={`${count(counts.volunteers, "volunteer")} · ${count(counts.admins, "admin")}`}
        />
        <Stat label="Signed in this week" value={formatInt(counts.active)} hint="in the last 7 days" />
        <Stat label="Linked to BOINC" value={formatInt(counts.linked)} hint="accounts with a BOINC user" />
        <Stat label="Hidden from lists" value={formatInt(counts.hidden)} hint="asked to be left out" />
        <Stat label="Locked now" value={formatInt(counts.locked)} hint="after repeated failed sign-ins" />
        <Stat label="API tokens" value={formatInt(counts.tokens)} hint="usable: not revoked or expired" />
      </div>
      <Section title="Tools">
        <ul className="divide-y divide-line/60 rounded-xl border border-line bg-panel/60">
          {ADMIN_TOOLS.map((tool) => (
            <li key={tool.href} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
              <Link className="font-medium text-accent-2 hover:underline" href={tool.href}>
                {tool.label}
              </Link>
              <span className="text-muted">{tool.description}</span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
