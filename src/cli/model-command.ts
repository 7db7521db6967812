import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { messages } from '../domain/messages/messages.js';
import { createTeamModels } from '../learning/team-models.js';
import { createTeamSync } from '../learning/team-sync.js';
import { loadPlaybook } from '../playbook-file.js';
import type { StoreHandle } from '../store/backend.js';
import { StoreError } from '../store/ports.js';
import { openCliStore } from './cli-store.js';
import { type Command, UsageError } from './io.js';

export const MODEL_HELP = `Usage:
  quadrant model rebuild [--json]
Rebuilds every workspace's team model from the decision log (QUADRANT_STORE_URL), in the log's
learning order, exactly as every running instance learns them one by one, and prints per workspace the decisions
learned, the model version, its weight and a fingerprint of the model (equal fingerprints, equal models).
Only team-visible decisions are learned.`;

export type RebuildSummary = {
  teamId: string;
  decisions: number;
  version: string;
  weight: number;
  fingerprint: string;
};

const rebuild = async (store: StoreHandle, playbookPath: string | undefined): Promise<RebuildSummary[]> => {
  const models = createTeamModels({ playbook: loadPlaybook(playbookPath) });
  await createTeamSync(models, store.decisions).rebuild();
  return models
    .teams()
    .sort()
    .map((teamId) => {
      const m = models.model(teamId);
      return { teamId, decisions: m.decisions, version: m.version, weight: m.weight, fingerprint: m.fingerprint() };
    });
};

/** `quadrant model rebuild`: exit 0, 2 on usage/config errors, 1 when the store is unavailable. */
export const runModelCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.stdout.write(`${MODEL_HELP}\n`);
    return 0;
  }
  const [sub, ...rest] = positionals;
  if (sub !== 'rebuild') throw new UsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  let store: StoreHandle | undefined;
  try {
    const config = loadConfig(io.env);
    store = await openCliStore(config, io);
    const summaries = await rebuild(store, config.playbookPath);
    if (values.json) io.stdout.write(`${JSON.stringify(summaries)}\n`);
    else if (summaries.length === 0)
      io.stdout.write('No team-visible decisions yet: every team model is the seed prior.\n');
    else
      for (const s of summaries)
        io.stdout.write(
          `${s.teamId}  ${s.decisions} decisions  ${s.version}  weight ${s.weight}  fingerprint ${s.fingerprint}\n`,
        );
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof StoreError) {
      io.stderr.write(`${messages('en').storeErrors[error.code]}\n(${error.message})\n`);
      return 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
};
