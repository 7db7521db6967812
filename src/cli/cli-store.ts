import type { Config } from '../config.js';
import type { StoreHandle } from '../store/backend.js';
import { openStore } from '../store/open-store.js';
import type { CommandIo } from './io.js';

/**
 * The configured store for one CLI run; its warnings and errors go to stderr. Commands that never
 * write client text (log, model) keep the default of no redaction; the chat passes its own.
 */
export const openCliStore = (
  config: Pick<Config, 'store' | 'admins'>,
  io: Pick<CommandIo, 'stderr'>,
  redact: (text: string) => string = (text) => text,
): Promise<StoreHandle> => {
  const warn = (message: string) => io.stderr.write(`${message}\n`);
  return openStore({
    ...config.store,
    admins: config.admins,
    redact,
    logger: { info: () => undefined, warn, error: warn },
  });
};
