import { STATUS_LABEL, isGalaxyStatus } from "@/lib/survey/status";

const TONE: Record<string, string> = {
  registered: "border-muted/40 text-muted",
  computing: "border-accent-2/50 text-accent-2",
  processed: "border-ok/50 text-ok",
  archived: "border-accent/50 text-accent",
};

export function StatusBadge({ status }: { status: string }) {
  const label = isGalaxyStatus(status) ? STATUS_LABEL[status] : status;
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs ${TONE[status] ?? "border-line text-muted"}`}
    >
      {label}
    </span>
  );
}
