/** A bad command line: reported with the usage hint, exit code 2. */
export class UsageError extends Error {}

/** Prints a usage error the same way for every command and returns its exit code, 2. */
export function reportUsageError(io: { stderr(text: string): void }, message: string, helpCommand = 'greenml'): number {
  io.stderr(`greenml: ${message}\nRun '${helpCommand} --help' for usage.\n`);
  return 2;
}
