// The API routes (and, for comparison with their data, the pages themselves) over HTTP against
// `npm start`'s server on the scale survey: one request at a time, each from its own forwarded
// address so the per-address allowances of the data routes are not what is measured.
import { Rng } from "@/lib/demo/random";
import { dziLevelSize, dziMaxLevel, dziTileGrid } from "@/lib/maps/dzi-geometry";
import { DEFAULT_TILE_SIZE } from "@/lib/maps/pyramid";
import { TILE_FORMAT } from "@/lib/maps/service/tile-paths";
import type { BuiltSurvey } from "./build-survey";
import type { ReadCase } from "./page-cases";

type Paths = { name: string; kind: "api" | "page" | "tile"; path: (i: number) => string };

export async function httpCases(
  base: string,
  built: BuiltSurvey,
  someUser: number,
): Promise<(ReadCase & { kind: string })[]> {
  const r = Rng.fromSeed("scale-bench-http");
  const ids = (n: number) => Array.from({ length: 500 }, () => 1 + r.int(0, n));
  const [galaxyIds, userIds, teamIds] = [
    ids(built.counts.galaxies),
    ids(built.counts.volunteers),
    ids(built.counts.teams),
  ];
  const { typical, large } = built.galaxies;
  // Near the large galaxy's centre, whatever its side (SCALE shrinks it).
  const mid = Math.floor(built.sizes.largeSide / 2);
  const get = async (path: string, i: number) => {
    const headers = { "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
    const res = await fetch(base + path, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200)
      throw new Error(`${path} answered ${res.status}: ${Buffer.from(body).toString().slice(0, 200)}`);
    return body.byteLength;
  };
  const maps = (await (await fetch(`${base}/api/galaxies/${typical}/maps`)).json()) as Maps;
  const tiles = tilePaths(maps);
  const paths: Paths[] = [
    { name: "/api/catalogue", kind: "api", path: () => "/api/catalogue" },
    {
      name: "/api/catalogue (cone, csv)",
      kind: "api",
      path: () => "/api/catalogue?ra=150&dec=20&radius=300&format=csv",
    },
    { name: "/api/catalogue (votable, 500)", kind: "api", path: () => "/api/catalogue?format=votable&maxrec=500" },
    { name: "/api/datalink", kind: "api", path: (i) => `/api/datalink?ID=${galaxyIds[i]}` },
    { name: "/api/galaxies/[id]/maps", kind: "api", path: (i) => `/api/galaxies/${galaxyIds[i]}/maps` },
    { name: "/api/galaxies/[id]/maps (1532²)", kind: "api", path: () => `/api/galaxies/${large}/maps` },
    {
      name: "/api/galaxies/[id]/areas?progress=1",
      kind: "api",
      path: (i) => `/api/galaxies/${galaxyIds[i]}/areas?progress=1`,
    },
    {
      name: "/api/galaxies/[id]/areas?progress=1 (1532²)",
      kind: "api",
      path: () => `/api/galaxies/${large}/areas?progress=1`,
    },
    {
      name: "/api/galaxies/[id]/areas?user=",
      kind: "api",
      path: () => `/api/galaxies/${typical}/areas?user=${someUser}`,
    },
    {
      name: "/api/galaxies/[id]/pixel",
      kind: "api",
      path: (i) => `/api/galaxies/${typical}/pixel?x=${30 + (i % 7)}&y=30`,
    },
    {
      name: "/api/galaxies/[id]/pixels/[xy]",
      kind: "api",
      path: (i) => `/api/galaxies/${large}/pixels/${mid - 66 + (i % 50)},${mid}`,
    },
    { name: "/api/users/[id]", kind: "api", path: (i) => `/api/users/${userIds[i]}` },
    { name: "/api/teams/[id]", kind: "api", path: (i) => `/api/teams/${teamIds[i]}` },
    { name: "/api/leaderboards/users", kind: "api", path: () => "/api/leaderboards/users" },
    {
      name: "/api/leaderboards/users?by=rac&page=500",
      kind: "api",
      path: () => "/api/leaderboards/users?by=rac&page=500",
    },
    { name: "/api/leaderboards/teams", kind: "api", path: () => "/api/leaderboards/teams" },
    { name: "/api/leaderboards/countries", kind: "api", path: () => "/api/leaderboards/countries" },
    { name: "/api/challenges/[id]", kind: "api", path: () => `/api/challenges/${built.challengeId}` },
    { name: "/api/trophies", kind: "api", path: () => "/api/trophies" },
    {
      name: "/galaxies/[id]/images/areas.png",
      kind: "api",
      path: () => `/galaxies/${typical}/images/areas.png?user=${someUser}`,
    },
    { name: "/tiles (typical galaxy, warm)", kind: "tile", path: (i) => tiles[i % tiles.length] },
    { name: "page / (HTTP)", kind: "page", path: () => "/" },
    { name: "page /galaxies (HTTP)", kind: "page", path: () => "/galaxies" },
    { name: "page /galaxies/[id] (HTTP)", kind: "page", path: (i) => `/galaxies/${galaxyIds[i]}` },
    { name: "page /galaxies/[id]?user= (HTTP)", kind: "page", path: () => `/galaxies/${typical}?user=${someUser}` },
    { name: "page /users/[id] (HTTP)", kind: "page", path: (i) => `/users/${userIds[i]}` },
    { name: "page /teams/[id] (HTTP)", kind: "page", path: (i) => `/teams/${teamIds[i]}` },
    { name: "page /leaderboards (HTTP)", kind: "page", path: () => "/leaderboards" },
    { name: "page /stats (HTTP)", kind: "page", path: () => "/stats" },
    { name: "page /data (HTTP)", kind: "page", path: () => "/data" },
  ];
  // Tiles are warm: every path requested once before the timed reads.
  for (const [i, path] of tiles.entries()) await get(path, i);
  return paths.map((p) => ({ name: p.name, kind: p.kind, read: (i: number) => get(p.path(i), i) }));
}

type Maps = { width: number; height: number; maps: { dzi: string }[] };

/** Every tile of the typical galaxy's parameter maps at its two finest levels. */
function tilePaths(maps: Maps): string[] {
  const top = dziMaxLevel(maps.width, maps.height);
  const out: string[] = [];
  for (const m of maps.maps)
    for (const level of [top, top - 1]) {
      const size = dziLevelSize(maps.width, maps.height, level);
      const grid = dziTileGrid(size.width, size.height, DEFAULT_TILE_SIZE);
      for (let c = 0; c < grid.cols; c++)
        for (let row = 0; row < grid.rows; row++)
          out.push(`${m.dzi.replace(/\.dzi$/, "")}_files/${level}/${c}_${row}.${TILE_FORMAT}`);
    }
  return out;
}
