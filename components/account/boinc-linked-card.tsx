// The linked BOINC user on the account page: who it is, their team and credit, where to see
// their galaxies and rank, and a button to unlink (a plain form post).
import Link from "next/link";
import { formatCredit, formatDate } from "@/lib/format";
import { secondaryButtonClass } from "./text-field";

export type LinkedBoincUser = {
  id: number;
  name: string;
  totalCredit: number;
  team: { id: number; name: string } | null;
};

export function BoincLinkedCard({
  boinc,
  linkedAt,
  unlink,
}: {
  boinc: LinkedBoincUser;
  linkedAt: Date | null;
  unlink: () => Promise<void>;
}) {
  return (
    <div className="rounded-xl border border-line bg-panel/60 p-4 text-sm" data-testid="boinc-linked">
      <p>
        Linked to{" "}
        <Link className="font-medium text-accent-2 hover:underline" href={`/users/${boinc.id}`}>
          {boinc.name}
        </Link>{" "}
        <span className="text-muted">(BOINC user {boinc.id})</span>
        {boinc.team ? (
          <>
            {" "}
            of team{" "}
            <Link className="text-accent-2 hover:underline" href={`/teams/${boinc.team.id}`}>
              {boinc.team.name}
            </Link>
          </>
        ) : null}
        , {formatCredit(boinc.totalCredit)} credits.
      </p>
      <p className="mt-1 text-muted">
        Galaxy pages show your work units by default.
        {linkedAt ? ` Linked on ${formatDate(linkedAt)}.` : ""}
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Link className={secondaryButtonClass} href={`/users/${boinc.id}`}>
          My galaxies and rank
        </Link>
        <form action={unlink}>
          <button className={secondaryButtonClass}>Unlink</button>
        </form>
      </div>
    </div>
  );
}
