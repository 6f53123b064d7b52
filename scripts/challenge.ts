// npm run challenge -- list | create … | add-teams <id> <teams> | remove-teams <id> <teams> | recompute [<id>] | delete <id>
// Defines team challenges and recomputes their standings (lib/credit/challenges). Times are UTC.
import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import {
  addChallengeTeams,
  createChallenge,
  deleteChallenge,
  removeChallengeTeams,
} from "@/lib/credit/challenges/definitions";
import { creditChanged } from "@/lib/cache/events";
import { parseTeamIds } from "@/lib/credit/challenges/input";
import { listChallenges } from "@/lib/credit/challenges/queries";
import {
  recomputeChallenge,
  recomputeChallengeStandings,
  type RecomputeResult,
} from "@/lib/credit/challenges/recompute";
import { formatCredit, formatDateTime } from "@/lib/format";
import { runCli } from "./cli";

const USAGE = `usage: npm run challenge -- <command>
  list
  create --name <name> --start <UTC time> --end <UTC time> (--teams <id,id…> | --open) [--description <text>]
  add-teams <challenge id> <team id,id…>      (a team added after the start counts from the next export)
  remove-teams <challenge id> <team id,id…>
  recompute [<challenge id>]                   (every running challenge, or one, even if final)
  delete <challenge id>
UTC times: 2026-12-01 (00:00 UTC), 2026-12-01 18:00, 2026-12-01T18:00:00Z`;

function challengeId(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) throw new Error(`"${raw ?? ""}" is not a challenge id`);
  return Number(raw);
}

function teamIds(raw: string | undefined): number[] {
  const ids = raw === undefined ? null : parseTeamIds(raw);
  if (!ids?.length) throw new Error(`"${raw ?? ""}" is not a list of team ids like 12,34`);
  return ids;
}

function describe(r: RecomputeResult): string {
  if (r.outcome === "waiting") return `${r.name}: waiting for the first statistics export at or after its start`;
  const state = r.outcome === "frozen" ? "final standings" : "standings updated";
  return `${r.name}: ${state}, ${r.teams} team${r.teams === 1 ? "" : "s"}, ${r.contributors} contributing volunteers`;
}

const OPTIONS = {
  name: { type: "string" },
  description: { type: "string" },
  start: { type: "string" },
  end: { type: "string" },
  teams: { type: "string" },
  open: { type: "boolean" },
} as const;

/** A usage error: the whole usage first, then the one-line reason. */
function usage(reason: string): Error {
  console.error(USAGE);
  return new Error(reason);
}

await runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: OPTIONS });
  const [command, ...rest] = positionals;
  switch (command) {
    case "list": {
      const { running, upcoming, finished } = await listChallenges();
      for (const c of [...running, ...upcoming, ...finished]) {
        const leader = c.standings[0];
        const teams = c.openToAll ? "open to all" : `${c._count.teams} team${c._count.teams === 1 ? "" : "s"}`;
        console.log(
          `${String(c.id).padStart(4)}  ${c.phase.padEnd(8)}  ${c.name}  (${formatDateTime(c.startsAt)} → ${formatDateTime(c.endsAt)}, ${teams})` +
            (leader ? `  leader: ${leader.team.name}, ${formatCredit(leader.credit)} credit` : ""),
        );
      }
      if (!running.length && !upcoming.length && !finished.length) console.log("no challenges");
      break;
    }
    case "create": {
      if (rest.length) throw usage(`create takes options only, not "${rest[0]}"`);
      const { id, standings } = await createChallenge(db(), {
        name: values.name ?? "",
        description: values.description ?? "",
        startsAt: values.start ?? "",
        endsAt: values.end ?? "",
        openToAll: values.open ?? false,
        teamIds: values.teams === undefined ? [] : teamIds(values.teams),
      });
      console.log(`created challenge ${id}`);
      if (standings) console.log(describe(standings));
      break;
    }
    case "add-teams":
    case "remove-teams": {
      if (rest.length !== 2) throw usage(`${command} takes a challenge id and team ids`);
      const id = challengeId(rest[0]);
      const teams = teamIds(rest[1]);
      const changed = await (command === "add-teams" ? addChallengeTeams : removeChallengeTeams)(db(), id, teams);
      console.log(`${command === "add-teams" ? "added" : "removed"} ${changed} team${changed === 1 ? "" : "s"}`);
      break;
    }
    case "recompute": {
      if (rest.length > 1) throw usage("recompute takes at most one challenge id");
      let results: RecomputeResult[];
      if (rest.length) {
        const one = await recomputeChallenge(db(), challengeId(rest[0]));
        if (!one) throw new Error(`no challenge with id ${rest[0]}`);
        results = [one];
      } else results = await recomputeChallengeStandings(db());
      for (const r of results) console.log(describe(r));
      if (!results.length) console.log("no challenge is counting");
      break;
    }
    case "delete": {
      if (rest.length !== 1) throw usage("delete takes one challenge id");
      const name = await deleteChallenge(db(), challengeId(rest[0]));
      if (name === null) throw new Error(`no challenge with id ${rest[0]}`);
      console.log(`deleted challenge ${rest[0]} (${name})`);
      break;
    }
    default:
      throw usage(command ? `unknown command "${command}"` : "a command is required");
  }
  // The challenge pages are served from the page cache: every change is an event.
  if (command !== "list") await creditChanged();
  await db().$disconnect();
});
