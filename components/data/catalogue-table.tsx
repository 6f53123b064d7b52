// Catalogue results: each galaxy with its position, type, redshift, status and a link to its files.
// The check boxes belong to the job form below the table (form="job-request").
import Link from "next/link";
import { Table } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import type { CatalogueRow } from "@/lib/access/catalogue/catalogue-types";
import { formatDec, formatInt, formatRa } from "@/lib/format";

export function CatalogueTable({ rows, withDistance }: { rows: CatalogueRow[]; withDistance: boolean }) {
  return (
    <Table>
      <thead>
        <tr>
          <th>
            <span className="sr-only">Select for a job</span>
          </th>
          <th>Name</th>
          <th>Type</th>
          <th>RA</th>
          <th>Dec</th>
          <th className="text-right">z</th>
          <th>Status</th>
          <th className="text-right">Size (px)</th>
          {withDistance ? <th className="text-right">Distance (′)</th> : null}
          <th>Data</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.id}>
            <td>
              {g.pixelsProcessed > 0 ? (
                <input
                  type="checkbox"
                  name="ID"
                  value={galaxyDid(g.id)}
                  form="job-request"
                  aria-label={`Select ${g.name}`}
                  className="accent-accent"
                />
              ) : null}
            </td>
            <td>
              <Link className="text-accent-2 hover:underline" href={`/galaxies/${g.id}`}>
                {g.name}
              </Link>
            </td>
            <td>{g.hubbleType || "—"}</td>
            <td className="font-mono text-xs whitespace-nowrap">{formatRa(g.ra)}</td>
            <td className="font-mono text-xs whitespace-nowrap">{formatDec(g.dec)}</td>
            <td className="text-right">{g.redshift.toFixed(4)}</td>
            <td>
              <StatusBadge status={g.status} />
            </td>
            <td className="text-right whitespace-nowrap">
              {formatInt(g.width)} × {formatInt(g.height)}
            </td>
            {withDistance ? <td className="text-right">{g.distanceArcmin?.toFixed(2)}</td> : null}
            <td>
              <Link className="text-accent-2 hover:underline" href={`/galaxies/${g.id}/data`}>
                Files
              </Link>
            </td>
          </tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={withDistance ? 10 : 9} className="py-8 text-center text-muted">
              No galaxy matches.
            </td>
          </tr>
        ) : null}
      </tbody>
    </Table>
  );
}
