import { STATUS_LABEL, isGalaxyStatus } from "@/lib/survey/status";
import { Badge, type BadgeTone } from "./badge";

const TONE: Record<string, BadgeTone> = {
  registered: "neutral",
  computing: "info",
  processed: "ok",
  archived: "accent",
  stored: "accent",
  deleted: "accent",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{isGalaxyStatus(status) ? STATUS_LABEL[status] : status}</Badge>;
}
