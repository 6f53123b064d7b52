// The galaxies a volunteer contributed to, each pictured with their own work units drawn on it
// (the shareable "your areas" image), linking to the galaxy's page showing their rectangles.
import Link from "next/link";
import { Table } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import type { VolunteerGalaxy } from "@/lib/credit/volunteer-galaxies";
import { formatInt } from "@/lib/format";

export function VolunteerGalaxyTable({ userId, galaxies }: { userId: number; galaxies: readonly VolunteerGalaxy[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <th>Galaxy, with their work units outlined</th>
          <th className="hidden sm:table-cell">Type</th>
          <th className="hidden sm:table-cell">Status</th>
          <th className="text-right">Work units</th>
          <th className="text-right">Pixels</th>
        </tr>
      </thead>
      <tbody>
        {galaxies.map((g) => (
          <tr key={g.galaxyId}>
            <td>
              <Link
                className="flex items-center gap-3 text-accent-2 hover:underline"
                href={`/galaxies/${g.galaxyId}?user=${userId}`}
              >
                {/* A generated PNG at twice its display size: nothing for next/image to do. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={`/galaxies/${g.galaxyId}/images/areas.png?user=${userId}&width=160`}
                  alt=""
                  width={80}
                  height={80}
                  loading="lazy"
                  decoding="async"
                  className="h-20 w-20 shrink-0 rounded bg-black object-contain ring-1 ring-line"
                  data-testid="volunteer-galaxy-thumbnail"
                />
                {g.name}
              </Link>
            </td>
            <td className="hidden sm:table-cell">{g.hubbleType || "—"}</td>
            <td className="hidden sm:table-cell">
              <StatusBadge status={g.status} />
            </td>
            <td className="text-right">{formatInt(g.areaCount)}</td>
            <td className="text-right">{formatInt(g.pixelCount)}</td>
          </tr>
        ))}
        {galaxies.length === 0 ? (
          <tr>
            <td colSpan={5} className="py-6 text-center text-muted">
              No galaxies yet: their results have not arrived.
            </td>
          </tr>
        ) : null}
      </tbody>
    </Table>
  );
}
