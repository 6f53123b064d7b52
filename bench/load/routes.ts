// The routes of the load benches on the demo survey: the pages every visitor sees alike, the
// galaxy page with `?user=`, the JSON API and map tiles, each with the real ids of the demo.
import { dziLevelSize, dziMaxLevel, dziTileGrid } from "@/lib/maps/dzi-geometry";
import { DEFAULT_TILE_SIZE } from "@/lib/maps/pyramid";
import { TILE_FORMAT } from "@/lib/maps/service/tile-paths";
import type { DemoIds } from "./demo-portal";
import type { Route } from "./http-load";

/** The pages all visitors see alike (issue 12, item 1), one path list each. */
export function cachedPages(ids: DemoIds): Route[] {
  const each = (name: string, paths: string[]) => ({ name, weight: 1, paths: paths.length ? paths : ["/"] });
  return [
    each("page /", ["/"]),
    each("page /galaxies", ["/galaxies", "/galaxies?sort=redshift", "/galaxies?page=2"]),
    each(
      "page /galaxies/[id]",
      ids.galaxies.map((id) => `/galaxies/${id}`),
    ),
    each(
      "page /users/[id]",
      ids.users.slice(0, 30).map((id) => `/users/${id}`),
    ),
    each(
      "page /teams/[id]",
      ids.teams.slice(0, 20).map((id) => `/teams/${id}`),
    ),
    each("page /teams", ["/teams"]),
    each("page /leaderboards", ["/leaderboards", "/leaderboards?kind=teams", "/leaderboards?by=rac"]),
    each("page /challenges", ["/challenges", ...ids.challenges.map((id) => `/challenges/${id}`)]),
    each("page /stats", ["/stats"]),
    each("page /data", ["/data", "/data?q=NGC"]),
    each("page /trophies", ["/trophies", ...ids.trophies.slice(0, 10).map((id) => `/trophies/${id}`)]),
  ];
}

/**
 * A volunteer's view of a galaxy page, `?user=`: the page (from the cache; the client reads the
 * parameter) and the personal part its client then fetches, the volunteer's work units.
 */
export function galaxyWithUser(ids: DemoIds): Route[] {
  const visits = ids.galaxies.flatMap((g) => ids.users.slice(0, 5).map((u) => ({ g, u })));
  return [
    { name: "page /galaxies/[id]?user=", weight: 1, paths: visits.map(({ g, u }) => `/galaxies/${g}?user=${u}`) },
    {
      name: "its fetch /api/galaxies/[id]/areas?user=",
      weight: 1,
      paths: visits.map(({ g, u }) => `/api/galaxies/${g}/areas?user=${u}`),
    },
  ];
}

export function apiRoutes(ids: DemoIds): Route[] {
  const g = ids.galaxies;
  return [
    { name: "/api/galaxies/[id]/maps", weight: 2, paths: g.map((id) => `/api/galaxies/${id}/maps`) },
    {
      name: "/api/galaxies/[id]/areas",
      weight: 1,
      paths: g.flatMap((id) => [
        `/api/galaxies/${id}/areas?progress=1`,
        `/api/galaxies/${id}/areas?user=${ids.users[0]}`,
      ]),
    },
    {
      name: "/api/galaxies/[id]/pixel",
      weight: 1,
      paths: g.map((id, k) => `/api/galaxies/${id}/pixel?x=${20 + k}&y=20`),
    },
    { name: "/api/users/[id]", weight: 1, paths: ids.users.slice(0, 30).map((id) => `/api/users/${id}`) },
    { name: "/api/teams/[id]", weight: 1, paths: ids.teams.slice(0, 20).map((id) => `/api/teams/${id}`) },
    {
      name: "/api/leaderboards/[kind]",
      weight: 1,
      paths: ["/api/leaderboards/users", "/api/leaderboards/teams?by=rac", "/api/leaderboards/countries"],
    },
    {
      name: "/api/catalogue",
      weight: 1,
      paths: ["/api/catalogue", "/api/catalogue?format=csv", "/api/catalogue?ra=180&dec=0&radius=600"],
    },
    { name: "/api/trophies", weight: 1, paths: ["/api/trophies"] },
  ];
}

type Maps = { width: number; height: number; maps: { dzi: string }[]; composites: { dzi: string }[] };

/** Tiles of the demo galaxies' maps and composites at their two finest levels. */
export async function tileRoute(base: string, ids: DemoIds): Promise<Route> {
  const paths: string[] = [];
  for (const id of ids.galaxies) {
    const maps = (await (await fetch(`${base}/api/galaxies/${id}/maps`)).json()) as Maps;
    const top = dziMaxLevel(maps.width, maps.height);
    for (const { dzi } of [...maps.maps, ...maps.composites])
      for (const level of [top, top - 1]) {
        const size = dziLevelSize(maps.width, maps.height, level);
        const grid = dziTileGrid(size.width, size.height, DEFAULT_TILE_SIZE);
        for (let c = 0; c < grid.cols; c++)
          for (let r = 0; r < grid.rows; r++)
            paths.push(`${dzi.replace(/\.dzi$/, "")}_files/${level}/${c}_${r}.${TILE_FORMAT}`);
      }
  }
  return { name: "/tiles/…", weight: 6, paths };
}
