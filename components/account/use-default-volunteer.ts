"use client";
// A signed-in volunteer with a linked BOINC account sees their own work units on a galaxy page
// unless the address names someone (`?user=`) or they already chose. The page itself is the same
// for everyone; the session is asked from here.
import { useEffect, useRef } from "react";
import { useAccountSession } from "./use-account-session";

export function useDefaultVolunteer(chosenUserId: number | null, choose: (userId: number) => void): void {
  const session = useAccountSession();
  const decided = useRef(false);
  const boincUserId = session.status === "ready" ? (session.user?.boincUserId ?? null) : undefined;
  useEffect(() => {
    if (decided.current || boincUserId === undefined) return;
    decided.current = true;
    if (boincUserId === null || chosenUserId !== null) return;
    if (new URL(window.location.href).searchParams.has("user")) return;
    choose(boincUserId);
  }, [boincUserId, chosenUserId, choose]);
}
