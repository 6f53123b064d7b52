// Which filters make the (up to) four RGB composites of a galaxy. The POGS rules come first, in
// their order (docs/formats.md §6); any other band set gets triples chosen by wavelength.
import { filterByName, type FilterDef } from "./filters";

export type RgbTriple = { red: string; green: string; blue: string };

const POGS_RULES: { needs: string[]; triples: [string, string, string][] }[] = [
  {
    needs: ["SDSSu", "PS1r", "PS1i", "PS1z", "PS1y"],
    triples: [
      ["PS1z", "PS1i", "PS1r"],
      ["PS1i", "PS1r", "SDSSu"],
      ["PS1z", "PS1r", "SDSSu"],
      ["PS1y", "PS1i", "SDSSu"],
    ],
  },
  {
    needs: ["PS1g", "PS1r", "PS1i", "PS1z", "PS1y"],
    triples: [
      ["PS1z", "PS1i", "PS1r"],
      ["PS1i", "PS1r", "PS1g"],
      ["PS1z", "PS1r", "PS1g"],
      ["PS1y", "PS1i", "PS1g"],
    ],
  },
  {
    needs: ["GALEXNUV", "SDSSg", "SDSSr", "SDSSi", "WISEW1", "WISEW4"],
    triples: [
      ["SDSSi", "SDSSr", "SDSSg"],
      ["SDSSr", "SDSSg", "GALEXNUV"],
      ["WISEW1", "SDSSg", "GALEXNUV"],
      ["WISEW4", "SDSSr", "GALEXNUV"],
    ],
  },
  {
    needs: ["SDSSu", "SDSSg", "SDSSr", "SDSSi", "SDSSz"],
    triples: [
      ["SDSSi", "SDSSr", "SDSSg"],
      ["SDSSr", "SDSSg", "SDSSu"],
      ["SDSSi", "SDSSg", "SDSSu"],
      ["SDSSz", "SDSSr", "SDSSu"],
    ],
  },
];

export function chooseRgbTriples(filterNames: string[]): RgbTriple[] {
  const have = new Set(filterNames);
  const rule = POGS_RULES.find((r) => r.needs.every((n) => have.has(n)));
  if (rule) return rule.triples.map(([red, green, blue]) => ({ red, green, blue }));
  return fallbackTriples(filterNames.map((n) => filterByName(n)).filter((f): f is FilterDef => !!f));
}

/**
 * Red is always the longest wavelength of a triple and blue the shortest, as the eye expects:
 * 1. three optical bands around r (the natural-colour view), 2. optical with the bluest (UV) band,
 * 3. the reddest IR band with optical, 4. reddest, middle and bluest bands of the whole set.
 * Fewer than three bands repeat one, so even a single band gives a (grey) image.
 */
function fallbackTriples(filters: FilterDef[]): RgbTriple[] {
  const byLambda = [...new Map(filters.map((f) => [f.name, f])).values()].sort((a, b) => a.effLambda - b.effLambda);
  if (!byLambda.length) return [];
  const triple = (fs: FilterDef[]): RgbTriple | null => {
    const s = [...new Set(fs)].sort((a, b) => b.effLambda - a.effLambda);
    if (!s.length) return null;
    const [r, g, b] =
      s.length >= 3
        ? [s[0], s[Math.floor(s.length / 2)], s[s.length - 1]]
        : s.length === 2
          ? [s[0], s[1], s[1]]
          : [s[0], s[0], s[0]];
    return { red: r.name, green: g.name, blue: b.name };
  };
  const optical = byLambda.filter((f) => f.bandClass === "optical");
  const aroundR = [...optical].sort((a, b) => Math.abs(a.effLambda - 0.62) - Math.abs(b.effLambda - 0.62)).slice(0, 3);
  const bluest = byLambda[0];
  const reddest = byLambda[byLambda.length - 1];
  const candidates = [
    triple(aroundR.length === 3 ? aroundR : byLambda.slice(0, 3)),
    bluest.bandClass === "UV" && aroundR.length >= 2 ? triple([aroundR[0], aroundR[1], bluest]) : null,
    reddest.bandClass === "IR" && optical.length
      ? triple([reddest, optical[Math.floor(optical.length / 2)], bluest])
      : null,
    triple([reddest, byLambda[Math.floor(byLambda.length / 2)], bluest]),
  ];
  const seen = new Set<string>();
  return candidates.filter((t): t is RgbTriple => {
    if (!t) return false;
    const key = `${t.red}/${t.green}/${t.blue}`;
    return !seen.has(key) && !!seen.add(key);
  });
}
