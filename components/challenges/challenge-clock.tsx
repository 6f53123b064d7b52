"use client";
// The time left (or to the start), kept current while the page is open.
import { useEffect, useState } from "react";
import { clockText } from "./time-text";

export function ChallengeClock({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    // The server's minute and the browser's can differ: the browser's wins without a warning.
    <span suppressHydrationWarning data-testid="challenge-clock">
      {clockText(Date.parse(startsAt), Date.parse(endsAt), now)}
    </span>
  );
}
