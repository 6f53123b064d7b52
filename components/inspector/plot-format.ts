// Numbers as the inspector shows them: statistics to four significant digits, fluxes in scientific
// notation as MAGPHYS prints them. Pure.
import { powerOfTen } from "@/components/charts/chart-format";

/** A statistic or a histogram coordinate: four significant digits, no exponent for everyday sizes. */
export function formatStatistic(v: number | null): string {
  if (v === null) return "—";
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return formatFlux(v);
  return String(Number(v.toPrecision(4))).replace("-", "−");
}

/** A flux as MAGPHYS prints it: 8.465×10⁻¹⁰. */
export function formatFlux(v: number | null): string {
  if (v === null) return "—";
  const [mantissa, exponent] = v.toExponential(3).split("e");
  return `${mantissa.replace("-", "−")}×${powerOfTen(Number(exponent))}`;
}
