// How a challenge is scored, in the volunteers' words (the rules of lib/credit/challenges).
export function ScoringNote() {
  return (
    <div className="max-w-3xl space-y-2 text-sm text-muted">
      <p>
        BOINC adds credit to a volunteer&apos;s team when the credit is granted, so a team scores what its members earn
        while they are members: a volunteer who joins mid-challenge counts from the moment they join, one who leaves
        stops counting when they leave, and credit earned before joining moves nothing.
      </p>
      <p>
        Credit is seen at the project&apos;s statistics exports. Time zero is the first export at or after the start;
        the final export is the first at or after the end. A volunteer who changed team between two exports is seen
        changing at the later one, so that interval&apos;s credit stays with the team they left. A team added after the
        start counts from the first export after it was added.
      </p>
    </div>
  );
}
