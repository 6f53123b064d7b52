"use client";
// "Jump to my rank" for a signed-in volunteer with a linked BOINC account. It asks next-auth's
// session endpoint from the browser, so the leaderboard page itself is the same for every visitor.
import Link from "next/link";
import { useEffect, useState } from "react";

type Session = { user?: { boincUserId?: number | null } } | null;

export function JumpToMyRank({ by }: { by: "credit" | "rac" }) {
  const [userId, setUserId] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<Session>) : null))
      .then((session) => {
        const id = session?.user?.boincUserId;
        if (live && typeof id === "number" && id > 0) setUserId(id);
      })
      // Signed out, or accounts not set up: nothing to jump to.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (userId === null) return null;
  return (
    <Link
      href={`/leaderboards?by=${by}&around=${userId}#rank-${userId}`}
      className="rounded-lg border border-accent/60 px-3 py-1.5 text-sm text-accent hover:bg-accent/10"
    >
      Jump to my rank
    </Link>
  );
}
