// A volunteer's trophies: each medal with its name, rule and date, linking to its holders.
import Link from "next/link";
import type { AwardedTrophy } from "@/lib/credit/trophies/queries";
import { formatDate } from "@/lib/format";
import { TrophyMedal } from "./trophy-medal";

export function TrophyShelf({ trophies }: { trophies: readonly AwardedTrophy[] }) {
  if (!trophies.length) return <p className="text-sm text-muted">No trophies yet.</p>;
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Trophies">
      {trophies.map((t) => (
        <li key={t.id}>
          <Link
            href={`/trophies/${t.id}`}
            className="flex h-full items-center gap-3 rounded-xl border border-line bg-panel/60 p-3 hover:bg-panel-2"
          >
            <TrophyMedal kind={t.kind} threshold={t.threshold} metal={t.metal} title={`${t.name}: ${t.rule}`} />
            <span className="min-w-0">
              <span className="block font-medium">{t.name}</span>
              <span className="block text-xs text-muted">{t.rule}</span>
              <span className="block text-xs text-muted">since {formatDate(t.awardedAt)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
