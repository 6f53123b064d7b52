// The 16 marginal PDFs of a pixel, in POGS parameter order, under one legend.
import type { InspectedParameter } from "@/lib/survey/pixel-inspection";
import { PdfPlot } from "./pdf-plot";

export function PdfGrid({ parameters }: { parameters: InspectedParameter[] }) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-4 bg-accent-2/50" aria-hidden /> histogram of the PDF
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-4 bg-accent-2/15" aria-hidden /> 16–84 % range
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-0.5 bg-accent" aria-hidden /> median
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 border-l-2 border-dashed border-text" aria-hidden /> best fit
        </span>
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="pdf-grid">
        {parameters.map((p) => (
          <PdfPlot key={p.id} parameter={p} />
        ))}
      </div>
    </>
  );
}
