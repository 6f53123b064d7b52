// Display formatting shared by pages: numbers, credit, sky coordinates, dates (always UTC).

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatInt(n: number): string {
  return integer.format(n);
}

export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatCredit(n: number): string {
  return n >= 1e6 ? compact.format(n) : integer.format(n);
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)} %`;
}

function sexagesimal(value: number, secondsDigits: number): [number, number, string] {
  let whole = Math.floor(value);
  let minutes = Math.floor((value - whole) * 60);
  let seconds = ((value - whole) * 60 - minutes) * 60;
  if (Number(seconds.toFixed(secondsDigits)) >= 60) {
    seconds = 0;
    minutes += 1;
  }
  if (minutes >= 60) {
    minutes = 0;
    whole += 1;
  }
  const s = seconds.toFixed(secondsDigits).padStart(secondsDigits ? secondsDigits + 3 : 2, "0");
  return [whole, minutes, s];
}

/** Right ascension in degrees → "hh:mm:ss.ss". */
export function formatRa(raDeg: number): string {
  const [h, m, s] = sexagesimal((((raDeg % 360) + 360) % 360) / 15, 2);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${s}`;
}

/** Declination in degrees → "±dd:mm:ss.s". */
export function formatDec(decDeg: number): string {
  const [d, m, s] = sexagesimal(Math.abs(decDeg), 1);
  return `${decDeg < 0 ? "−" : "+"}${String(d).padStart(2, "0")}:${String(m).padStart(2, "0")}:${s}`;
}

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function formatDateTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
