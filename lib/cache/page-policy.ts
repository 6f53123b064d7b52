/**
 * Which pages (and public API reads) are served from the page cache, the tags that make each stale (lib/cache/events.ts)
 * and the query parameters its client reads itself. A page is listed here only when every visitor
 * sees it alike: nothing in it depends on the session, the visitor's address or their limits.
 * Pages not listed (account, admin, jobs, sign-in, a galaxy's data page with the caller's limits)
 * are rendered for every request. tests/cache/page-policy.test.ts checks every page route is
 * decided here.
 */
export interface PagePolicy {
  tags: string[];
  /** Query parameters the page's client reads from the address itself (not part of the key). */
  clientParams: string[];
}

const SURVEY = ["survey"];
const CREDIT = ["credit"];
const BOTH = ["survey", "credit"];

const ROUTES: { pattern: RegExp; policy: (match: RegExpMatchArray) => PagePolicy }[] = [
  { pattern: /^\/$/, policy: () => ({ tags: BOTH, clientParams: [] }) },
  { pattern: /^\/(galaxies|data|about)$/, policy: () => ({ tags: SURVEY, clientParams: [] }) },
  // The galaxy page's shell; a volunteer's rectangles (?user=) and the open map (?view=) are
  // fetched and opened by its client, so one cached shell serves every volunteer.
  {
    pattern: /^\/galaxies\/(\d{1,9})$/,
    policy: (m) => ({ tags: [`galaxy:${m[1]}`, "credit"], clientParams: ["user", "view"] }),
  },
  {
    pattern: /^\/galaxies\/(\d{1,9})\/pixels\/[^/]+$/,
    policy: (m) => ({ tags: [`galaxy:${m[1]}`, "credit"], clientParams: [] }),
  },
  // A volunteer's page shows their galaxies' pictures; the statistics pages count pixels too.
  { pattern: /^\/(users\/\d{1,9}|stats|milestones)$/, policy: () => ({ tags: BOTH, clientParams: [] }) },
  {
    pattern: /^\/(teams|teams\/\d{1,9}|leaderboards|trophies|trophies\/[^/]+|challenges|challenges\/\d{1,9})$/,
    policy: () => ({ tags: CREDIT, clientParams: [] }),
  },
  // The API's public reads that every caller gets alike (no session, token or limit enters them),
  // under the same events as the pages showing the same data. Not cached: the pixel readout (a
  // key per pixel, each asked rarely), maps (their tile status moves as tiles are built, with no
  // event), data jobs, SODA and files (per caller, or streamed).
  {
    pattern: /^\/api\/galaxies\/(\d{1,9})\/areas$/,
    policy: (m) => ({ tags: [`galaxy:${m[1]}`, "credit"], clientParams: [] }),
  },
  { pattern: /^\/api\/(users|teams)\/\d{1,9}$/, policy: () => ({ tags: BOTH, clientParams: [] }) },
  {
    pattern: /^\/api\/(leaderboards\/(users|teams|countries)|trophies|challenges\/\d{1,9})$/,
    policy: () => ({ tags: CREDIT, clientParams: [] }),
  },
  { pattern: /^\/api\/catalogue$/, policy: () => ({ tags: SURVEY, clientParams: [] }) },
];

export function pagePolicy(pathname: string): PagePolicy | null {
  for (const { pattern, policy } of ROUTES) {
    const match = pathname.match(pattern);
    if (match) return policy(match);
  }
  return null;
}
