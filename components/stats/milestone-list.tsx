// Milestones as a feed: what was reached, when, in which galaxy and by whom.
import Link from "next/link";
import type { MilestoneItem } from "@/lib/credit/milestones/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";

const KIND_LABEL: Record<string, string> = {
  work_units: "Work unit",
  pixels: "Pixels",
  galaxies: "Galaxies",
  credit: "Credit",
  volunteers: "Volunteers",
};

const KIND_TONE: Record<string, string> = {
  work_units: "border-accent/50 text-accent",
  pixels: "border-accent-2/50 text-accent-2",
  galaxies: "border-ok/50 text-ok",
};

export function MilestoneList({ items, empty }: { items: MilestoneItem[]; empty: string }) {
  if (!items.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <ol className="divide-y divide-line/60 rounded-xl border border-line bg-panel/60" data-testid="milestones">
      {items.map((m) => (
        <li key={m.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm">
          <span
            className={`inline-block w-24 shrink-0 rounded-full border px-2 py-0.5 text-center text-xs ${KIND_TONE[m.kind] ?? "border-line text-muted"}`}
          >
            {KIND_LABEL[m.kind] ?? m.kind}
          </span>
          {/* On a phone the text takes its own line under the kind and the time. */}
          <span className="order-3 min-w-0 basis-full sm:order-2 sm:flex-1 sm:basis-0">
            <span className="font-medium">{m.title}</span>
            {m.galaxy ? (
              <>
                <span className="text-muted">{m.kind === "galaxies" ? ": " : " in "}</span>
                <Link
                  className="text-accent-2 hover:underline"
                  href={`/galaxies/${m.galaxy.id}${m.volunteers[0] && m.kind !== "galaxies" ? `?user=${m.volunteers[0].id}` : ""}`}
                >
                  {m.galaxy.name}
                </Link>
              </>
            ) : null}
            {m.volunteers.length ? (
              <>
                {" "}
                <span className="text-muted">by</span>{" "}
                {m.volunteers.map((u, i) => (
                  <span key={u.id}>
                    {i > 0 ? (i === m.volunteers.length - 1 ? " and " : ", ") : ""}
                    <Link className="text-accent-2 hover:underline" href={`/users/${u.id}`}>
                      {u.name}
                    </Link>
                  </span>
                ))}
              </>
            ) : null}
          </span>
          <time className="tabular order-2 ml-auto text-xs text-muted sm:order-3" dateTime={m.reachedAt.toISOString()}>
            {formatDateTime(m.reachedAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
