// `/galaxy/area/area` and `/galaxy/area/area_user`: the work units that intersect the file's box
// and the BOINC users credited for them, read a page of areas at a time (paged-table.ts).
import type { H5FileWriter } from "./h5-writer";
import { PagedTable } from "./paged-table";
import type { PixelBox } from "./pixel-selection";
import type { AreaRow, AreaUserRow, GalaxyRows } from "./result-rows";

const PAGE = 4096;
/** `toISOString()` of any time in years 0000–9999. */
const ISO_WIDTH = 24;

export async function writeAreaTables(w: H5FileWriter, rows: GalaxyRows, box: PixelBox): Promise<void> {
  const counts = await rows.countAreas(box);
  await w.group("/galaxy", "area");
  // POGS rectangle conventions: x inclusive (bottom_x = last column), y exclusive.
  const areas = await PagedTable.create<AreaRow>(
    w,
    "/galaxy/area",
    "area",
    [
      { name: "area_id", type: "int64", value: (a) => a.id },
      { name: "top_x", type: "int64", value: (a) => a.x0 },
      { name: "top_y", type: "int64", value: (a) => a.y0 },
      { name: "bottom_x", type: "int64", value: (a) => a.x1 - 1 },
      { name: "bottom_y", type: "int64", value: (a) => a.y1 },
      { name: "workunit_id", type: "int64", value: (a) => a.workunitId ?? -1 },
      { name: "update_time", type: "string", width: ISO_WIDTH, value: (a) => a.updatedAt.toISOString() },
      { name: "pixel_count", type: "int64", value: (a) => a.pixelCount },
      { name: "first_pixel_id", type: "int64", value: (a) => a.firstPixelId },
    ],
    counts.areas,
  );
  const users = await PagedTable.create<AreaUserRow>(
    w,
    "/galaxy/area",
    "area_user",
    [
      { name: "area_id", type: "int64", value: (u) => u.areaId },
      { name: "userid", type: "int64", value: (u) => u.userId },
      { name: "create_time", type: "string", width: ISO_WIDTH, value: (u) => u.createdAt.toISOString() },
    ],
    counts.areaUsers,
  );
  for (let after = -1; ;) {
    const page = await rows.areas(box, after, PAGE);
    if (!page.length) break;
    const last = page[page.length - 1].id;
    await areas.append(page);
    // The users of exactly this page's areas: area ids are unique, pages follow them in order.
    await users.append(await rows.areaUsers(box, after, last));
    after = last;
  }
  areas.finish();
  users.finish();
}
