/**
 * The engine logs through this interface. It does nothing until a host binds it
 * (the CLI to stderr, the extension to its output channel), so engine code can
 * log without knowing where it runs.
 */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
