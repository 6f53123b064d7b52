// A page of a team's members with their rank in the team, credit and RAC.
import Link from "next/link";
import { Table } from "@/components/ui/section";
import type { TeamMember } from "@/lib/credit/team-members";
import { formatCredit, formatInt } from "@/lib/format";

export function TeamMembersTable({ members }: { members: readonly TeamMember[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <th className="w-16">Rank</th>
          <th>Volunteer</th>
          <th className="hidden sm:table-cell">Country</th>
          <th className="text-right">Total credit</th>
          <th className="text-right">RAC</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <td className="text-muted">{formatInt(m.rank)}</td>
            <td>
              <Link className="text-accent-2 hover:underline" href={`/users/${m.id}`}>
                {m.name}
              </Link>
            </td>
            <td className="hidden sm:table-cell">{m.country || "—"}</td>
            <td className="text-right">{formatCredit(m.totalCredit)}</td>
            <td className="text-right">{formatInt(m.rac)}</td>
          </tr>
        ))}
        {members.length === 0 ? (
          <tr>
            <td colSpan={5} className="py-6 text-center text-muted">
              No members listed.
            </td>
          </tr>
        ) : null}
      </tbody>
    </Table>
  );
}
