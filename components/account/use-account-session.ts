"use client";
// The visitor's session as next-auth's /api/auth/session answers it, read once per page load and
// shared by every component that asks (the header, the galaxy page's default volunteer). Pages
// stay the same for every visitor; only these small client parts differ.
import { useSyncExternalStore } from "react";
import type { SessionUser } from "@/lib/auth/session-body";

export type AccountSessionState = { status: "loading" } | { status: "ready"; user: SessionUser | null };

const LOADING: AccountSessionState = { status: "loading" };
let state: AccountSessionState = LOADING;
let request: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: AccountSessionState) {
  state = next;
  for (const listener of listeners) listener();
}

async function load(): Promise<void> {
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
    const body = response.ok ? ((await response.json()) as { user?: SessionUser }) : {};
    publish({ status: "ready", user: body.user ?? null });
  } catch {
    // Offline or the server restarting: show the signed-out header rather than nothing.
    publish({ status: "ready", user: null });
  }
}

/** Reads the session again (after linking a BOINC account or changing the name). */
export function refreshAccountSession(): Promise<void> {
  request = load();
  return request;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  request ??= load();
  return () => listeners.delete(listener);
}

export function useAccountSession(): AccountSessionState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => LOADING,
  );
}
