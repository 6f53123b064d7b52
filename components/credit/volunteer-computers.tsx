// A volunteer's computers, as BOINC's own "computers" page lists them, when they show them.
import { Table } from "@/components/ui/section";
import type { VolunteerComputer } from "@/lib/credit/volunteer-computers";
import { formatCredit, formatDate, formatInt } from "@/lib/format";

export function VolunteerComputerTable({ computers }: { computers: readonly VolunteerComputer[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <th>Computer</th>
          <th>Processor</th>
          <th className="hidden md:table-cell">Operating system</th>
          <th className="text-right">Cores</th>
          <th className="hidden text-right sm:table-cell">GFLOPS</th>
          <th className="text-right">Credit</th>
          <th className="text-right">RAC, credits a day</th>
          <th className="hidden md:table-cell">Last contact</th>
        </tr>
      </thead>
      <tbody data-testid="volunteer-computers">
        {computers.map((c) => (
          <tr key={c.id}>
            <td>#{c.id}</td>
            <td>{c.cpu}</td>
            <td className="hidden md:table-cell">{c.os}</td>
            <td className="text-right">{formatInt(c.cores)}</td>
            <td className="hidden text-right sm:table-cell">{c.gflops.toFixed(1)}</td>
            <td className="text-right">{formatCredit(c.totalCredit)}</td>
            <td className="text-right">{formatInt(c.rac)}</td>
            <td className="hidden whitespace-nowrap md:table-cell">
              {c.lastContact ? formatDate(c.lastContact) : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
