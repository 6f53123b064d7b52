/**
 * Numbers in the readout. MAGPHYS prints 3–4 significant digits and the maps show µ (0–1) and
 * log10 values, so two decimals are all the stored values support. Negative values take the
 * typographic minus sign, as the colour-bar ticks (d3) do.
 */
export function formatMapValue(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = value.toFixed(digits);
  // -0.00 is zero.
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.replace(/^-/, "−");
}

/** "7.10–7.33": the 16–84 % range of a value. */
export function formatRange(p16: number | null | undefined, p84: number | null | undefined, digits = 2): string {
  if (p16 === null || p16 === undefined || p84 === null || p84 === undefined) return "—";
  return `${formatMapValue(p16, digits)} – ${formatMapValue(p84, digits)}`;
}
