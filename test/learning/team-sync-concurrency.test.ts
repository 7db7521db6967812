import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { redact } from '../../src/domain/redact.js';
import { createTeamModels } from '../../src/learning/team-models.js';
import { createTeamSync, learnFromLog } from '../../src/learning/team-sync.js';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';
import type { DecisionLog } from '../../src/store/ports.js';
import { confirmedNote } from '../contracts/decision-builder.js';
import { jargonCases } from '../domain/team-model/jargon-corpus.js';

/** One process's team learning over a real SQLite store: concurrent decisions, and a feed read that fails. */
const playbook = defaultPlaybook();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dir: string;
let store: StoreHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-sync-'));
  const config = loadConfig({ QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}` });
  store = await openStore({ ...config.store, admins: [], redact, logger: quiet });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const decisionsOf = (count: number, offset = 0) => jargonCases(count, offset).map((c) => confirmedNote(c));

const rebuiltFingerprint = async () => {
  const models = createTeamModels({ playbook });
  await createTeamSync(models, store.decisions).rebuild();
  return models.model('T0BANK').fingerprint();
};

describe('team learning in one process', () => {
  it('learns decisions logged at once exactly once each, in the log’s order', async () => {
    const learning = await learnFromLog(store.decisions, playbook);
    await Promise.all(decisionsOf(30).map((d) => learning.decisions.append(d)));
    await Promise.all([learning.sync.catchUp(), learning.sync.catchUp()]);
    const model = learning.models.model('T0BANK');
    expect(model.decisions).toBe(30);
    expect(model.fingerprint()).toBe(await rebuiltFingerprint());
  });

  it('a failed catch-up never fails the logged decision, and the next one learns it', async () => {
    let failNext = false;
    const flaky: DecisionLog = {
      ...store.decisions,
      feed: (cursor, limit) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('store hiccup'));
        }
        return store.decisions.feed(cursor, limit);
      },
    };
    const errors: unknown[] = [];
    const learning = await learnFromLog(flaky, playbook, (error) => errors.push(error));
    const [first, second] = decisionsOf(2);
    if (first === undefined || second === undefined) throw new Error('no decisions');
    await learning.decisions.append(first);
    failNext = true;
    const logged = await learning.decisions.append(second);
    expect(logged.clientName).toBe(second.clientName);
    expect(errors).toHaveLength(1);
    expect(learning.models.model('T0BANK').decisions).toBe(1);
    expect(await learning.sync.catchUp()).toBe(1);
    expect(learning.models.model('T0BANK').decisions).toBe(2);
    expect(learning.models.model('T0BANK').fingerprint()).toBe(await rebuiltFingerprint());
  });
});
