// The areas of the portal, in the order the navigation shows them. One list, so every area is
// reachable from every page (the account is the header's account slot).
export const NAV_ITEMS: readonly { href: string; label: string }[] = [
  { href: "/galaxies", label: "Galaxies" },
  { href: "/leaderboards", label: "Leaderboards" },
  { href: "/teams", label: "Teams" },
  { href: "/trophies", label: "Trophies" },
  { href: "/challenges", label: "Challenges" },
  { href: "/stats", label: "Statistics" },
  { href: "/data", label: "Data" },
  { href: "/about", label: "About" },
];

/** Whether a navigation item is the area of the page at `pathname`. */
export function isCurrentArea(href: string, pathname: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
