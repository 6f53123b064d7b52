// What an account may do. Admins run the survey's admin pages (/admin and its tools); every
// other account is a volunteer's. ("scientist" is reserved in the schema for a later issue.)
export const ROLES = ["volunteer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function asRole(value: string): Role {
  return value === "admin" ? "admin" : "volunteer";
}
