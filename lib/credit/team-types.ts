// BOINC team types (html/inc/team_types.inc).
const TEAM_TYPES = [
  "",
  "Other",
  "Company",
  "Primary school",
  "Secondary school",
  "Junior college",
  "University or department",
  "Government agency",
  "Non-profit organisation",
  "National",
  "Local or regional",
  "Computer type",
  "Social, political or religious",
] as const;

export function teamTypeName(type: number): string {
  return TEAM_TYPES[type] || "Other";
}
