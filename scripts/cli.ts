// Shared CLI behaviour: a failure prints one line (the reason) and exits non-zero, never a stack,
// unless POGS_DEBUG is set.
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (process.env.POGS_DEBUG) console.error(error);
    else console.error(`error: ${oneLine(error)}`);
    process.exit(1);
  }
}

export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages begin with a blank line: the first line with words is the reason.
  return (
    message
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean) ?? ""
  );
}
