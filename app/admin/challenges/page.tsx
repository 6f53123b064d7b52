import type { Metadata } from "next";
import Link from "next/link";
import { AdminRowActions } from "@/components/challenges/admin-row-actions";
import { PhaseBadge } from "@/components/challenges/phase-badge";
import { formatWindow } from "@/components/challenges/time-text";
import { Section, Table } from "@/components/ui/section";
import { requireAdmin } from "@/lib/auth/session";
import { listChallenges } from "@/lib/credit/challenges/queries";
import { formatDateTime, formatInt } from "@/lib/format";
import { changeTeamsAction, createChallengeAction, deleteChallengeAction, recomputeChallengeAction } from "./actions";
import { CreateChallengeForm } from "./page-client";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Challenges · Administration" };

export default async function AdminChallengesPage() {
  await requireAdmin("/admin/challenges");
  const { running, upcoming, finished } = await listChallenges();
  const all = [...running, ...upcoming, ...finished];
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Challenges</h1>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        Define team challenges and keep their standings right. Standings are recomputed after every statistics import
        and frozen once the first export after the end is in; <code>npm run challenge</code> does the same from the
        command line. Times are UTC.
      </p>
      <Section title="New challenge">
        <CreateChallengeForm action={createChallengeAction} />
      </Section>
      <Section title={`All challenges (${formatInt(all.length)})`}>
        <Table>
          <thead>
            <tr>
              <th>Challenge</th>
              <th className="hidden md:table-cell">Window (UTC)</th>
              <th className="hidden sm:table-cell">Teams</th>
              <th className="hidden md:table-cell">Standings</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {all.map((c) => (
              <tr key={c.id} className="align-top">
                <td>
                  <Link className="text-accent-2 hover:underline" href={`/challenges/${c.id}`}>
                    {c.name}
                  </Link>{" "}
                  <PhaseBadge phase={c.phase} frozen={c.frozenAt !== null} />
                  <div className="text-xs text-muted">
                    id {c.id}
                    <span className="md:hidden"> · {formatWindow(c.startsAt, c.endsAt)}</span>
                  </div>
                </td>
                <td className="hidden text-xs whitespace-nowrap text-muted md:table-cell">
                  {formatDateTime(c.startsAt)}
                  <br />→ {formatDateTime(c.endsAt)}
                </td>
                <td className="hidden sm:table-cell">{c.openToAll ? "all" : formatInt(c._count.teams)}</td>
                <td className="hidden text-xs text-muted md:table-cell">
                  {c.frozenAt
                    ? `final since ${formatDateTime(c.frozenAt)}`
                    : c.standingsUpdatedAt
                      ? `updated ${formatDateTime(c.standingsUpdatedAt)}`
                      : "not counted yet"}
                </td>
                <td>
                  <AdminRowActions
                    id={c.id}
                    name={c.name}
                    editableTeams={!c.openToAll && c.frozenAt === null}
                    changeTeams={changeTeamsAction}
                    recompute={recomputeChallengeAction}
                    remove={deleteChallengeAction}
                  />
                </td>
              </tr>
            ))}
            {all.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-6 text-center text-muted">
                  No challenges yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </Section>
    </>
  );
}
