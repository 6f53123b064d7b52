// What every leaderboard answers, whichever kind it lists: shared by the page and the JSON API.

export interface LeaderboardRow {
  /** competition rank among listed rows: equal keys share a rank, listed by id */
  rank: number;
  /** volunteer or team id; the country's name for countries */
  id: number | string;
  name: string;
  country: string;
  /** a volunteer's team */
  team: { id: number; name: string } | null;
  totalCredit: number;
  /** RAC now, in credits a day */
  rac: number;
  /** a team's members, a country's volunteers; null for a volunteer */
  members: number | null;
}

export interface LeaderboardPage {
  page: number;
  pageCount: number;
  /** listed rows in the whole list (or matching the search) */
  total: number;
  rows: LeaderboardRow[];
  /** the `around` volunteer or team when it is on this page */
  marked: number | null;
  /** `around` named nobody listed (unknown, or hidden from lists) */
  aroundNotListed: boolean;
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
