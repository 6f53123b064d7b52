"use client";
// Reads the session again when the account page shows a different BOINC link than it first did
// (after linking or unlinking), so the header's "My galaxies" follows without a reload.
import { useEffect, useRef } from "react";
import { refreshAccountSession } from "./use-account-session";

export function RefreshAccountSession({ boincUserId }: { boincUserId: number | null }) {
  const first = useRef(boincUserId);
  useEffect(() => {
    if (first.current !== boincUserId) {
      first.current = boincUserId;
      void refreshAccountSession();
    }
  }, [boincUserId]);
  return null;
}
