// What the volunteer reads when a BOINC account check fails: the project's error codes
// (BOINC_FACTS.md §5) and the ways a server can be unreachable, each as a sentence saying what
// happened and what to do.
import type { BoincRpcFailure } from "./rpc-client";

const DB_NOT_FOUND = -136;
const DB_NOT_UNIQUE = -137;
const DB_CONN_LOST = -138;
const PROJECT_DOWN = -183;
const BAD_EMAIL_ADDR = -205;
const BAD_PASSWD = -206;

export function linkFailureMessage(failure: BoincRpcFailure, projectUrl: string, byKeyOnly: boolean): string {
  const project = `The BOINC project at ${new URL(projectUrl).host}`;
  switch (failure.kind) {
    case "rpc-error":
      switch (failure.code) {
        case DB_NOT_FOUND:
          return byKeyOnly
            ? "The BOINC project has no account with that account key."
            : "The BOINC project has no account with that email address.";
        case BAD_PASSWD:
          return "That password (or account key) is not the one of that BOINC account.";
        case BAD_EMAIL_ADDR:
          return "The BOINC project does not accept that email address.";
        case DB_NOT_UNIQUE:
          return "The BOINC project has more than one account with that email address: link with your account key instead.";
        case DB_CONN_LOST:
        case PROJECT_DOWN:
          return `${project} is down for maintenance (BOINC error ${failure.code}). Try again later.`;
        default:
          return `${project} refused the check (BOINC error ${failure.code}${failure.message ? `: ${failure.message}` : ""}).`;
      }
    case "unreachable":
      return `${project} cannot be reached (${failure.detail}). Try again later.`;
    case "http":
      return `${project} answered with an error (HTTP ${failure.status}). Try again later.`;
    case "bad-reply":
      return `${project} gave an answer the portal cannot read (${failure.detail}). Try again later.`;
  }
}
