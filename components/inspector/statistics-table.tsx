// All 16 × 7 statistics of a pixel as one table, in the order of the HDF5 archive's axes.
import { Table } from "@/components/ui/section";
import type { InspectedParameter } from "@/lib/survey/pixel-inspection";
import { STATISTICS } from "@/lib/survey/parameters";
import { formatStatistic } from "./plot-format";

const HEADINGS: Record<string, string> = {
  best_fit: "best fit",
  percentile_50: "median",
  highest_prob_bin: "peak bin",
  percentile_2_5: "2.5 %",
  percentile_16: "16 %",
  percentile_84: "84 %",
  percentile_97_5: "97.5 %",
};

export function StatisticsTable({ parameters }: { parameters: InspectedParameter[] }) {
  return (
    <Table>
      <caption className="sr-only">The seven statistics of the marginal PDF of each parameter</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          {STATISTICS.map((s) => (
            <th key={s.feature} scope="col" className="text-right" title={s.label}>
              {HEADINGS[s.feature]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={p.id}>
            <th scope="row" className="font-normal whitespace-nowrap text-text!" title={p.title}>
              {p.label}
            </th>
            {STATISTICS.map((s) => (
              <td key={s.feature} className="text-right">
                {formatStatistic(p.statistics[s.feature])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
