/**
 * A trophy's picture: a medal on a ribbon for thresholds reached (credit, RAC, galaxies, time), a
 * cup for rank and a star-burst badge for RAC percentiles, in the tier's metal, with the kind's
 * emblem on its face. An SVG with a title, so screen readers read the trophy's name and rule.
 */
import { isTrophyKind, type Metal } from "@/lib/credit/trophies/kinds";
import { Emblem } from "./emblems";
import { METAL_COLORS, METAL_LABEL, type MetalColors } from "./metals";

function Ribbon({ c }: { c: MetalColors }) {
  return (
    <g>
      <polygon points="18,2 30,2 36,22 26,24" fill="#3b4f8f" />
      <polygon points="46,2 34,2 28,22 38,24" fill="#2c3c70" />
      <polygon points="22,2 26,2 32,22 29,23" fill={c.light} opacity={0.55} />
    </g>
  );
}

function Disc({ c }: { c: MetalColors }) {
  return (
    <g>
      <circle cx={32} cy={38} r={21} fill={c.edge} />
      <circle cx={32} cy={38} r={18.5} fill={c.face} />
      <circle cx={32} cy={38} r={15} fill="none" stroke={c.light} strokeWidth={1.2} opacity={0.8} />
      <path
        d="M17 32 A 16 16 0 0 1 40 21"
        fill="none"
        stroke={c.light}
        strokeWidth={2}
        strokeLinecap="round"
        opacity={0.7}
      />
    </g>
  );
}

function Cup({ c }: { c: MetalColors }) {
  return (
    <g>
      <path d="M16 12 h-6 v6 c0 7 5 11 11 11" fill="none" stroke={c.edge} strokeWidth={3} />
      <path d="M48 12 h6 v6 c0 7 -5 11 -11 11" fill="none" stroke={c.edge} strokeWidth={3} />
      <path
        d="M14 8 h36 v12 c0 14 -8 22 -18 22 c-10 0 -18 -8 -18 -22 z"
        fill={c.face}
        stroke={c.edge}
        strokeWidth={2}
      />
      <rect x={28} y={42} width={8} height={8} fill={c.edge} />
      <rect x={20} y={50} width={24} height={8} rx={2} fill={c.face} stroke={c.edge} strokeWidth={2} />
      <path
        d="M19 12 v8 c0 6 2 10 5 13"
        fill="none"
        stroke={c.light}
        strokeWidth={2}
        strokeLinecap="round"
        opacity={0.8}
      />
    </g>
  );
}

function Burst({ c }: { c: MetalColors }) {
  const points = Array.from({ length: 24 }, (_, i) => {
    const r = i % 2 ? 17 : 23;
    const a = (Math.PI * i) / 12;
    return `${(32 + r * Math.sin(a)).toFixed(1)},${(36 - r * Math.cos(a)).toFixed(1)}`;
  }).join(" ");
  return (
    <g>
      <polygon points={points} fill={c.face} stroke={c.edge} strokeWidth={2} strokeLinejoin="round" />
      <circle cx={32} cy={36} r={13} fill="none" stroke={c.light} strokeWidth={1.2} opacity={0.8} />
    </g>
  );
}

export function TrophyMedal({
  kind,
  threshold,
  metal,
  title,
  size = 48,
}: {
  kind: string;
  threshold: number;
  metal: Metal;
  /** what a screen reader says: the trophy's name and rule */
  title: string;
  size?: number;
}) {
  const c = METAL_COLORS[metal];
  const k = isTrophyKind(kind) ? kind : "custom";
  const label = `${title} (${METAL_LABEL[metal].toLowerCase()})`;
  return (
    <svg
      viewBox="0 0 64 64"
      width={size}
      height={size}
      role="img"
      aria-label={label}
      className="shrink-0"
      data-testid="trophy-medal"
    >
      <title>{label}</title>
      {k === "rank" ? (
        <>
          <Cup c={c} />
          <g transform="translate(0,-13)">
            <Emblem kind={k} threshold={threshold} c={c} />
          </g>
        </>
      ) : k === "rac_percentile" ? (
        <>
          <Burst c={c} />
          <g transform="translate(0,-2)">
            <Emblem kind={k} threshold={threshold} c={c} />
          </g>
        </>
      ) : (
        <>
          <Ribbon c={c} />
          <Disc c={c} />
          <Emblem kind={k} threshold={threshold} c={c} />
        </>
      )}
    </svg>
  );
}
