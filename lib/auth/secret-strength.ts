// Why a NEXTAUTH_SECRET must not be used, or null when it is fit. Sessions are signed and encrypted
// with it: a secret copied from an example or a tutorial lets anyone forge a session, so such
// values stop start-up instead of running quietly. The reason never quotes the value (logs are read).

export const MIN_SECRET_LENGTH = 32;

// Values seen in next-auth's and Auth.js's docs, framework templates and tutorials.
const KNOWN_PLACEHOLDERS = new Set([
  "secret",
  "changeme",
  "change-me",
  "change_me",
  "mysecret",
  "supersecret",
  "nextauth_secret",
  "nextauth-secret",
  "your-secret",
  "your_secret",
  "your-secret-here",
  "complex_password_at_least_32_characters_long",
  "this-is-a-very-secret-value-with-at-least-32-characters",
  "development-secret-change-me-in-production",
]);

// Words that mark a value someone was meant to replace.
const PLACEHOLDER_WORDS = ["changeme", "replaceme", "yoursecret", "placeholder", "example", "xxxxxxxx"];

const FIX = "set a random value (`openssl rand -base64 32`) or leave it unset to have one generated in DATA_DIR";

export function secretProblem(secret: string): string | null {
  const value = secret.trim();
  const squashed = value.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (KNOWN_PLACEHOLDERS.has(value.toLowerCase()) || PLACEHOLDER_WORDS.some((w) => squashed.includes(w)))
    return `a known placeholder, not a secret; ${FIX}`;
  if (value.length < MIN_SECRET_LENGTH) return `shorter than ${MIN_SECRET_LENGTH} characters; ${FIX}`;
  if (new Set(value).size < 10) return `too few different characters to be random; ${FIX}`;
  return null;
}
