// Who computed a pixel's fit, where the pixel is and how good the fit was: the facts beside the plots.
import Link from "next/link";
import { formatDateTime, formatDec, formatRa } from "@/lib/format";
import type { PixelInspection } from "@/lib/survey/pixel-inspection";
import { formatStatistic } from "./plot-format";

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line/50 py-1.5 text-sm" data-testid={testId}>
      <dt className="text-muted">{label}</dt>
      <dd className="tabular text-right">{children}</dd>
    </div>
  );
}

export function PixelFacts({ p }: { p: PixelInspection }) {
  const { area, bestFitModel: fit } = p;
  return (
    <dl className="rounded-xl border border-line bg-panel/60 px-4 py-2">
      <Fact label="Processed by" testId="pixel-volunteers">
        {p.volunteers.length
          ? p.volunteers.map((v, i) => (
              <span key={v.id}>
                {i ? ", " : ""}
                <Link className="text-accent-2 hover:underline" href={`/users/${v.id}`}>
                  {v.name}
                </Link>
              </span>
            ))
          : "—"}
      </Fact>
      <Fact label="Result received">{formatDateTime(new Date(p.processedAt))}</Fact>
      <Fact label="Work unit">
        area {area.id}
        {area.workunitId !== null ? ` · BOINC ${area.workunitId}` : ""}
        <div className="font-mono text-xs text-muted">
          [{area.x0}, {area.x1}) × [{area.y0}, {area.y1})
        </div>
      </Fact>
      <Fact label="χ² of the best fit" testId="pixel-chi2">
        {formatStatistic(fit.chi2)}
      </Fact>
      <Fact label="Best-fit model">
        <span title="indices in the stellar-population and dust-emission libraries">
          SFH {fit.iSfh ?? "—"} · IR {fit.iIr ?? "—"}
        </span>
      </Fact>
      <Fact label="Redshift fitted">{formatStatistic(fit.redshift)}</Fact>
      <Fact label="POGS pixel">
        <span className="font-mono">pix{p.pixelId}</span>
      </Fact>
      <Fact label="RA, Dec (J2000)">
        <span className="font-mono text-xs">
          {formatRa(p.ra)} {formatDec(p.dec)}
        </span>
      </Fact>
    </dl>
  );
}
