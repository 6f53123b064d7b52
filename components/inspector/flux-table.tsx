// The fluxes of a pixel's .fit as a table (the SED plot's table view): each band's wavelength,
// observed flux and σ, and the best-fit model's flux.
import type { TableData } from "@/components/charts/chart-table";
import type { InspectedFlux } from "@/lib/survey/pixel-inspection";
import { formatFlux } from "./plot-format";

export function fluxTable(fluxes: InspectedFlux[]): TableData {
  return {
    caption: "Observed and best-fit model fluxes by band",
    columns: ["Band", "λ (µm)", "Observed (Jy)", "σ (Jy)", "Model (Jy)"],
    rows: fluxes.map((f) => [
      <>
        {f.label} <span className="text-muted">({f.filter})</span>
      </>,
      f.wavelength ?? "—",
      f.observed === null ? "no data" : formatFlux(f.observed),
      formatFlux(f.sigma),
      formatFlux(f.model),
    ]),
  };
}
