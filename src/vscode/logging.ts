import type * as vscode from 'vscode';
import type { Logger } from '../core/logger';

/** The engine's logger, writing to the extension's log output channel. */
export function createChannelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    error: (m) => channel.error(m),
    warn: (m) => channel.warn(m),
    info: (m) => channel.info(m),
    debug: (m) => channel.debug(m),
  };
}
