// What the volunteers and teams of the demo are called: names in the style of the user's country,
// forum handles, and team names and descriptions that fit the BOINC team type.
import type { Rng } from "@/lib/demo/random";
import { HANDLE_WORDS, TEAM_WORDS, namesFor } from "./word-lists";

export function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let k = 2; used.has(out); k++) out = `${name} ${k}`;
  used.add(out);
  return out;
}

export function userName(r: Rng, country: string | null): string {
  const names = namesFor(country);
  const style = r.weightedIndex([30, 12, 25, 12, 8, 6, 7]);
  switch (style) {
    case 0:
      return `${r.choice(names.first)} ${r.choice(names.last)}`;
    case 1:
      return `${r.choice(names.first)[0]}. ${r.choice(names.last)}`;
    case 2:
      return `${r.choice(HANDLE_WORDS.adjective)}${r.choice(HANDLE_WORDS.noun)}${r.bool(0.6) ? r.int(1, 1000) : ""}`;
    case 3:
      return `${r.choice(HANDLE_WORDS.astro)}${r.choice(["", "_", "-"])}${r.int(1, 100)}`;
    case 4:
      return `${r.choice(names.first).toLowerCase()}${r.int(60, 100)}`;
    case 5:
      return `${r.choice(HANDLE_WORDS.astro)} ${r.choice(HANDLE_WORDS.noun)}`;
    default:
      return `${r.choice(names.first)}${r.choice(names.last)}`;
  }
}

const DEMONYM: Record<string, string> = {
  "United States": "American",
  Germany: "German",
  "United Kingdom": "British",
  Australia: "Aussie",
  France: "French",
  Russia: "Russian",
  Japan: "Japanese",
  Canada: "Canadian",
  Netherlands: "Dutch",
  Italy: "Italian",
  Poland: "Polish",
  Spain: "Spanish",
  "Czech Republic": "Czech",
  China: "Chinese",
  Brazil: "Brazilian",
  Sweden: "Swedish",
  Belgium: "Belgian",
  Austria: "Austrian",
  Switzerland: "Swiss",
  Finland: "Finnish",
};

export function teamName(r: Rng, type: number, country: string | null): string {
  const place = r.choice(TEAM_WORDS.place);
  const c = country && country !== "International" ? country : null;
  switch (type) {
    case 9:
      return c
        ? r.choice([
            `BOINC@${c.replace(/[ ,]+/g, "")}`,
            `${c} National Team`,
            `Team ${c}`,
            `${DEMONYM[c] ?? c} ${r.choice(TEAM_WORDS.noun)}`,
          ])
        : `International ${r.choice(TEAM_WORDS.noun)}`;
    case 10:
      return r.choice([`${place} BOINC`, `${place} Astronomy Club`, `${place} ${r.choice(TEAM_WORDS.noun)}`]);
    case 6:
      return r.choice([
        `University of ${place} Astrophysics`,
        `${place} Uni Physics`,
        `${place} Institute of Technology`,
      ]);
    case 3:
    case 4:
    case 5:
      return r.choice([`${place} High School Science`, `${place} College Computing`, `${place} Grammar Astronomy`]);
    case 2:
      return `${r.choice(HANDLE_WORDS.astro)} ${r.choice(TEAM_WORDS.company)}`;
    case 7:
      return `${place} ${r.choice(["Observatory", "Space Agency Staff", "Met Office Volunteers"])}`;
    case 8:
      return `${r.choice(TEAM_WORDS.cause)} ${place}`;
    case 11:
      return r.choice(TEAM_WORDS.hardware);
    case 12:
      return `${r.choice(["Friends of", "Society for", "Fellowship of"])} ${r.choice(HANDLE_WORDS.astro)}`;
    default:
      return r.choice([
        `${r.choice(TEAM_WORDS.adjective)} ${r.choice(TEAM_WORDS.noun)}`,
        `The ${r.choice(HANDLE_WORDS.astro)} ${r.choice(TEAM_WORDS.noun)}`,
      ]);
  }
}

export function teamDescription(type: number, name: string): string {
  const kind = [
    "",
    "everyone",
    "a company team",
    "a primary school",
    "a secondary school",
    "a junior college",
    "a university group",
    "a government agency",
    "a non-profit",
    "a national team",
    "a local team",
    "a hardware team",
    "a community team",
  ][type];
  return `${name}: ${kind} crunching galaxies for theSkyNet POGS.`;
}
