// What each kind of trophy carries on its face, drawn in a 64 × 64 box around the centre (32, 38).
import type { TrophyKind } from "@/lib/credit/trophies/kinds";
import type { MetalColors } from "./metals";

/** Credit: a stack of three cobblestones (BOINC's credit unit is the Cobblestone). */
function Cobblestones({ c }: { c: MetalColors }) {
  return (
    <g fill={c.ink} opacity={0.85}>
      <rect x={21} y={40} width={10} height={7} rx={2} />
      <rect x={33} y={40} width={10} height={7} rx={2} />
      <rect x={27} y={31} width={10} height={7} rx={2} />
    </g>
  );
}

/** RAC: a line rising to an arrow head. */
function Rising({ c }: { c: MetalColors }) {
  return (
    <g fill="none" stroke={c.ink} strokeWidth={3} strokeLinecap="round" strokeLinejoin="round">
      <polyline points="20,46 27,39 32,42 43,30" />
      <polyline points="36,30 43,30 43,37" />
    </g>
  );
}

/** Galaxies: a two-armed spiral. */
function Spiral({ c }: { c: MetalColors }) {
  return (
    <g fill="none" stroke={c.ink} strokeWidth={2.4} strokeLinecap="round">
      <path d="M32 38 C 32 32, 40 31, 42 36 C 44 42, 38 48, 30 47 C 22 46, 19 38, 22 32" />
      <path d="M32 38 C 32 44, 24 45, 22 40 C 20 34, 26 28, 34 29 C 42 30, 45 38, 42 44" />
      <circle cx={32} cy={38} r={2.6} fill={c.ink} stroke="none" />
    </g>
  );
}

/** Membership: a clock face. */
function Clock({ c }: { c: MetalColors }) {
  return (
    <g fill="none" stroke={c.ink} strokeWidth={2.6} strokeLinecap="round">
      <circle cx={32} cy={38} r={10} />
      <polyline points="32,31 32,38 37,41" />
    </g>
  );
}

/** Rank and percentile: the number itself (Top 10, 1 %). */
function Figure({ c, text }: { c: MetalColors; text: string }) {
  return (
    <text
      x={32}
      y={38}
      dy="0.35em"
      textAnchor="middle"
      fontSize={text.length > 3 ? 11 : 14}
      fontWeight={700}
      fill={c.ink}
    >
      {text}
    </text>
  );
}

/** Custom: a star. */
function Star({ c }: { c: MetalColors }) {
  return <polygon points="32,27 35,35 43,35 37,40 39,48 32,43 25,48 27,40 21,35 29,35" fill={c.ink} opacity={0.85} />;
}

export function Emblem({ kind, threshold, c }: { kind: TrophyKind; threshold: number; c: MetalColors }) {
  switch (kind) {
    case "credit":
      return <Cobblestones c={c} />;
    case "rac":
      return <Rising c={c} />;
    case "galaxies":
      return <Spiral c={c} />;
    case "membership_days":
      return <Clock c={c} />;
    case "rank":
      return <Figure c={c} text={threshold === 1 ? "#1" : String(threshold)} />;
    case "rac_percentile":
      return <Figure c={c} text={`${threshold}%`} />;
    default:
      return <Star c={c} />;
  }
}
