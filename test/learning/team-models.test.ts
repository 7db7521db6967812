import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type ConversationService, createConversationService } from '../../src/conversation/service.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { redact } from '../../src/domain/redact.js';
import { createTeamModels, type TeamModels } from '../../src/learning/team-models.js';
import { createTeamSync, learningDecisionLog } from '../../src/learning/team-sync.js';
import { createClassifier } from '../../src/llm/classifier.js';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';
import type { Decision, DecisionLog } from '../../src/store/ports.js';
import { confirmedNote, newDecision } from '../contracts/decision-builder.js';
import { jargonCases } from '../domain/team-model/jargon-corpus.js';
import { runQuadrant } from '../support/cli-io.js';

const playbook = defaultPlaybook();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dir: string;
let url: string;
let store: StoreHandle;
let models: TeamModels;
let decisions: DecisionLog;
let service: ConversationService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-learn-'));
  url = `sqlite://${join(dir, 'q.db')}`;
  const config = loadConfig({ QUADRANT_STORE_URL: url });
  store = await openStore({ ...config.store, admins: [], redact, logger: quiet });
  models = createTeamModels({ playbook });
  decisions = learningDecisionLog(store.decisions, createTeamSync(models, store.decisions));
  service = createConversationService({
    classifier: createClassifier({ playbook, llm: config.llm, assessor: null, teamModels: models }),
    state: store.state,
    decisions,
    playbook,
    admins: [],
  });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** The team confirms a stream of notes written in its own shorthand. */
const teamLearns = async (count: number, extra: Parameters<typeof newDecision>[0] = {}) => {
  for (const c of jargonCases(count)) {
    await decisions.append(confirmedNote(c, extra));
  }
};

let lastCardId = '';
const NOTE = 'Client: Orion Foods. 下周回访,快单通道;team notes,flash quote。';

const cardFor = async (userId: string, teamId = 'T0BANK', threadKey = `${teamId}:C1:${userId}`) => {
  const outcome = await service.handleTurn({ threadKey, teamId, userId, text: NOTE, forceClassify: true });
  if (outcome.kind !== 'card') throw new Error(`expected a card, got ${outcome.kind}`);
  lastCardId = outcome.card.id;
  const { id: _id, createdAt: _at, threadKey: _key, ...shown } = outcome.card;
  return shown;
};

describe('team models in the conversation', () => {
  it('join the card once they earned a say, with a line of similar team decisions, and record their version', async () => {
    const before = await cardFor('U0B');
    expect(before.team?.weight).toBe(0);
    await teamLearns(80);
    const after = await cardFor('U0B', 'T0BANK', 'T0BANK:C1:again');
    expect(after.team?.weight).toBeGreaterThan(0);
    expect(after.type).toBe('transactional');
    expect(after.versions.teamModel).toBe('team-nb-6@80');
    expect(after.team?.similar.length).toBeGreaterThan(0);
    expect(after.team?.similar.every((s) => s.type === 'transactional')).toBe(true);

    const { decision } = await service.decide({
      threadKey: 'T0BANK:C1:again',
      cardId: lastCardId,
      userId: 'U0B',
      teamId: 'T0BANK',
      channelId: 'C1',
      threadTs: null,
      visibility: 'team',
      idempotencyKey: 'confirm:1',
    });
    expect(decision?.versions.teamModel).toBe('team-nb-6@80');
    expect(models.model('T0BANK').decisions).toBe(81);
  });

  it('privacy: a private decision never changes another user’s card or similar-decision list', async () => {
    await teamLearns(60);
    const before = await cardFor('U0B', 'T0BANK', 'k1');
    // Another RM logs, privately, many decisions that contradict the team on the same words.
    for (let i = 0; i < 40; i++) {
      await decisions.append(
        newDecision({
          clientName: `Secret ${i}`,
          description: NOTE,
          type: 'problem_solving',
          suggestedType: 'transactional',
          source: 'manager_override',
          reason: 'private view',
          userId: 'U0A',
          visibility: 'private',
          evidence: [],
        }),
      );
    }
    const after = await cardFor('U0B', 'T0BANK', 'k2');
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('Secret');
    // Not even the author's own card lists a private decision: cards get shared to channels.
    expect(JSON.stringify(await cardFor('U0A', 'T0BANK', 'k3'))).not.toContain('Secret');
  });

  it('isolates workspaces: one team’s decisions never reach another team’s model', async () => {
    await teamLearns(80);
    const other = await cardFor('U0C', 'T0OTHER');
    expect(other.team?.decisions).toBe(0);
    expect(other.team?.weight).toBe(0);
    expect(other.team?.similar).toEqual([]);
  });

  it('learns a retried append (same idempotency key) once', async () => {
    const d = newDecision({ idempotencyKey: 'same-key' });
    await decisions.append(d);
    await decisions.append(d);
    expect(models.model('T0BANK').decisions).toBe(1);
  });
});

describe('quadrant model rebuild', () => {
  it('swaps in the rebuilt models only once the log is read: a card answered meanwhile sees the old ones whole', async () => {
    await teamLearns(30);
    const before = models.model('T0BANK').fingerprint();
    let release: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    const log: Decision[] = [];
    for await (const d of store.decisions.all()) log.push(d);
    async function* slowLog() {
      for (const [i, d] of log.entries()) {
        if (i === 10) await paused;
        yield d;
      }
    }
    const rebuilding = models.rebuild(slowLog());
    await new Promise((resolve) => setImmediate(resolve));
    expect(models.model('T0BANK').decisions).toBe(30);
    expect(models.model('T0BANK').fingerprint()).toBe(before);
    release();
    expect(await rebuilding).toBe(30);
    expect(models.model('T0BANK').fingerprint()).toBe(before);
  });

  it('rebuilds from the log exactly the model the app built decision by decision', async () => {
    await teamLearns(70);
    await teamLearns(5, { visibility: 'private', userId: 'U0A' });
    await decisions.append(newDecision({ teamId: 'T0OTHER', description: '央企集团,合作十年' }));
    const incremental = models.model('T0BANK');
    expect(incremental.decisions).toBe(70);

    const rebuilt = createTeamModels({ playbook });
    expect(await rebuilt.rebuild(store.decisions.all())).toBe(71);
    expect(rebuilt.model('T0BANK').fingerprint()).toBe(incremental.fingerprint());
    expect(rebuilt.model('T0BANK').version).toBe(incremental.version);

    await store.close();
    const { code, stdout } = await runQuadrant(['model', 'rebuild', '--json'], { env: { QUADRANT_STORE_URL: url } });
    expect(code).toBe(0);
    const summaries = JSON.parse(stdout) as Array<{ teamId: string; decisions: number; fingerprint: string }>;
    expect(summaries.map((s) => [s.teamId, s.decisions])).toEqual([
      ['T0BANK', 70],
      ['T0OTHER', 1],
    ]);
    expect(summaries[0]?.fingerprint).toBe(incremental.fingerprint());
    const config = loadConfig({ QUADRANT_STORE_URL: url });
    store = await openStore({ ...config.store, admins: [], redact, logger: quiet });
  });

  it('says what is wrong with a bad subcommand', async () => {
    const { code, stderr } = await runQuadrant(['model', 'train']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown subcommand "train"');
  });
});
