// The areas of the portal, in the order the navigation shows them. One list, so every area is
// reachable from every page.
export const NAV_ITEMS: readonly { href: string; label: string }[] = [
  { href: "/galaxies", label: "Galaxies" },
  { href: "/leaderboards", label: "Leaderboards" },
  { href: "/teams", label: "Teams" },
  { href: "/trophies", label: "Trophies" },
  { href: "/challenges", label: "Challenges" },
  { href: "/stats", label: "Statistics" },
  { href: "/data", label: "Data" },
];
