// A trophy in the list: its medal, name, rule and how many hold it, linking to the holders.
import Link from "next/link";
import type { TrophyWithHolders } from "@/lib/credit/trophies/queries";
import { formatInt } from "@/lib/format";
import { TrophyMedal } from "./trophy-medal";

export function TrophyCard({ trophy: t }: { trophy: TrophyWithHolders }) {
  return (
    <Link
      href={`/trophies/${t.id}`}
      className="flex h-full items-center gap-4 rounded-xl border border-line bg-panel/60 p-4 hover:bg-panel-2"
      data-testid="trophy-card"
    >
      <TrophyMedal kind={t.kind} threshold={t.threshold} metal={t.metal} title={`${t.name}: ${t.rule}`} size={56} />
      <span className="min-w-0">
        <span className="block font-medium">{t.name}</span>
        <span className="block text-xs text-muted">{t.rule}</span>
        <span className="tabular mt-1 block text-xs">
          {t.holders === 1 ? "1 volunteer holds it" : `${formatInt(t.holders)} volunteers hold it`}
        </span>
      </span>
    </Link>
  );
}
