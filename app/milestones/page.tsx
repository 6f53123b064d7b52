import type { Metadata } from "next";
import Link from "next/link";
import { MilestoneList } from "@/components/stats/milestone-list";
import { Pagination } from "@/components/ui/pagination";
import { MILESTONE_KINDS } from "@/lib/credit/milestones/landmarks";
import { isMilestoneKind, listMilestones } from "@/lib/credit/milestones/queries";
import { formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Milestones" };

const KIND_NAMES = {
  work_units: "Work units",
  pixels: "Pixels",
  galaxies: "Galaxies completed",
  credit: "Credit",
  volunteers: "Volunteers",
} as const;

type Props = { searchParams: Promise<{ kind?: string; page?: string }> };

export default async function MilestonesPage({ searchParams }: Props) {
  const query = await searchParams;
  const kind = query.kind && isMilestoneKind(query.kind) ? query.kind : undefined;
  const requested = /^[1-9]\d{0,5}$/.test(query.page ?? "") ? Number(query.page) : 1;
  const { total, pageCount, items } = await listMilestones({ kind, page: requested });
  const href = (k: string | undefined, p = 1) => {
    const params = new URLSearchParams({ ...(k ? { kind: k } : {}), ...(p > 1 ? { page: String(p) } : {}) });
    return `/milestones${params.size ? `?${params}` : ""}`;
  };
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 ${active ? "border-accent-2 text-text" : "border-line text-muted hover:bg-panel-2"}`;
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Milestones</h1>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        Landmarks of the survey: the volunteers who processed round-numbered work units (numbered in the order their
        results arrived; POGS mailed prizes for the 2 millionth), the galaxies completed, and the credit and volunteer
        counts the project passed. {formatInt(total)} so far{kind ? ` of this kind` : ""}.
      </p>
      <nav aria-label="kind of milestone" className="mt-4 flex flex-wrap gap-2 text-sm">
        <Link className={chip(!kind)} href={href(undefined)} aria-current={!kind ? "page" : undefined}>
          All
        </Link>
        {MILESTONE_KINDS.map((k) => (
          <Link key={k} className={chip(kind === k)} href={href(k)} aria-current={kind === k ? "page" : undefined}>
            {KIND_NAMES[k]}
          </Link>
        ))}
      </nav>
      <div className="mt-4">
        <MilestoneList items={items} empty={total ? "No milestones on this page." : "No milestone reached yet."} />
      </div>
      {pageCount > 1 ? (
        <Pagination page={Math.min(requested, pageCount)} pageCount={pageCount} href={(p) => href(kind, p)} />
      ) : null}
    </>
  );
}
