// Times of challenges as people read them: a span ("3 days 4 hours"), the clock ("2 days left"),
// the window ("2026-11-11 → 2026-12-02", with hours when it does not run midnight to midnight).
import { formatDate, formatDateTime } from "@/lib/format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function formatDuration(ms: number): string {
  const m = Math.max(0, ms);
  if (m >= DAY) {
    const days = Math.floor(m / DAY);
    const hours = Math.floor((m % DAY) / HOUR);
    return hours ? `${unit(days, "day")} ${unit(hours, "hour")}` : unit(days, "day");
  }
  if (m >= HOUR) {
    const hours = Math.floor(m / HOUR);
    const minutes = Math.floor((m % HOUR) / MINUTE);
    return minutes ? `${unit(hours, "hour")} ${unit(minutes, "minute")}` : unit(hours, "hour");
  }
  return unit(Math.max(1, Math.ceil(m / MINUTE)), "minute");
}

/** What the clock says about a challenge: time to the start, time left, or how long ago it ended. */
export function clockText(startsAt: number, endsAt: number, now: number): string {
  if (now < startsAt) return `starts in ${formatDuration(startsAt - now)}`;
  if (now < endsAt) return `${formatDuration(endsAt - now)} left`;
  return `ended ${formatDuration(now - endsAt)} ago`;
}

/** The window in UTC: dates alone when both ends are at midnight. */
export function formatWindow(startsAt: Date, endsAt: Date): string {
  const midnight = (d: Date) => d.getTime() % 86_400_000 === 0;
  const f = midnight(startsAt) && midnight(endsAt) ? formatDate : (d: Date) => formatDateTime(d).replace(" UTC", "");
  return `${f(startsAt)} → ${f(endsAt)}`;
}

const SHORT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "3 Dec, 06:56": a recent UTC moment, for headline numbers. */
export function formatShortTime(d: Date): string {
  return SHORT.format(d);
}
