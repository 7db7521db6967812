import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertOnDistress } from '../../handlers/support/early-warning.js';
import { loadConfig } from '../../src/config.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { redact } from '../../src/domain/redact.js';
import type { Signal } from '../../src/domain/types.js';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';
import type { NewDecision } from '../../src/store/ports.js';
import { newDecision } from '../contracts/decision-builder.js';

const playbook = defaultPlaybook();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dir: string;
let store: StoreHandle;
let posts: Array<{ channel: string; text: string; blocks: unknown[] }>;
const slack = {
  chat: {
    postMessage: async (args: { channel: string; text: string; blocks: unknown[] }) => {
      posts.push(args);
      return { ok: true };
    },
  },
} as unknown as Parameters<typeof alertOnDistress>[1];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-alert-'));
  const config = loadConfig({ QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}` });
  store = await openStore({ ...config.store, admins: [], redact, logger: quiet });
  posts = [];
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const deps = (alertChannel: string | undefined) => ({
  config: { admins: [], alertChannel },
  decisions: store.decisions,
  state: store.state,
  playbook,
  logger: {
    ...quiet,
    debug: () => undefined,
    setLevel: () => undefined,
    getLevel: () => 'info',
    setName: () => undefined,
  },
});

const distress = (text: string, extra: Partial<Signal> = {}): Signal => ({
  id: 'distress.missed_payment',
  type: 'problem_solving',
  category: 'distress',
  weight: 3,
  text,
  start: 0,
  end: text.length,
  ...extra,
});

const log = (over: Partial<NewDecision>) =>
  store.decisions.append(newDecision({ clientName: 'Huaneng Power', ...over }));
const alert = (d: Awaited<ReturnType<typeof log>>, channel: string | null = 'C0ALERTS') =>
  alertOnDistress(deps(channel ?? undefined) as never, slack, d, 'en');

describe('early warning', () => {
  it('posts once when a client with an earlier non-distress decision is now problem-solving on current distress', async () => {
    await log({ type: 'strategic', suggestedType: 'strategic' });
    const now = await log({
      type: 'problem_solving',
      suggestedType: 'problem_solving',
      evidence: [
        distress('missed two interest payments'),
        distress('no covenant breach', { negated: true, weight: 0 }),
      ],
    });
    expect(await alert(now)).toBe(true);
    expect(await alert(now)).toBe(false);
    expect(posts).toHaveLength(1);
    const text = JSON.stringify(posts[0]);
    expect(posts[0]?.channel).toBe('C0ALERTS');
    expect(text).toContain('Early warning: Huaneng Power');
    expect(text).toContain('from Strategic to Problem-solving');
    expect(text).toContain('missed two interest payments');
    expect(text).not.toContain('no covenant breach');
    expect(text).toContain('problem_solving.risk-team');
  });

  it('uses team-visible information only: a private earlier type or a private new decision never alerts', async () => {
    await log({ type: 'strategic', visibility: 'private', userId: 'U0A' });
    const teamNow = await log({ type: 'problem_solving', evidence: [distress('逾期两期')] });
    expect(await alert(teamNow)).toBe(false);

    await log({ clientName: 'Orion Foods', type: 'partnership' });
    const privateNow = await log({
      clientName: 'Orion Foods',
      type: 'problem_solving',
      evidence: [distress('cash flow broken')],
      visibility: 'private',
      userId: 'U0A',
    });
    expect(await alert(privateNow)).toBe(false);
    expect(posts).toEqual([]);
  });

  it('does not alert on recovery, on distress that is negated, or without a channel', async () => {
    await log({ type: 'problem_solving', evidence: [distress('逾期')] });
    expect(await alert(await log({ type: 'strategic' }))).toBe(false);
    const negated = await log({
      type: 'problem_solving',
      evidence: [distress('没有任何逾期', { negated: true, weight: 0 })],
    });
    expect(await alert(negated)).toBe(false);

    await log({ clientName: 'Delta', type: 'transactional' });
    const unset = await log({ clientName: 'Delta', type: 'problem_solving', evidence: [distress('default')] });
    expect(await alert(unset, null)).toBe(false);
    expect(posts).toEqual([]);
  });

  it('a later transition into distress alerts again, once', async () => {
    await log({ type: 'strategic' });
    const first = await log({ type: 'problem_solving', evidence: [distress('逾期')] });
    expect(await alert(first)).toBe(true);
    // Still in distress: no new transition.
    expect(await alert(await log({ type: 'problem_solving', evidence: [distress('欠息')] }))).toBe(false);
    await log({ type: 'partnership' });
    const second = await log({ type: 'problem_solving', evidence: [distress('展期')] });
    expect(await alert(second)).toBe(true);
    expect(await alert(second)).toBe(false);
    expect(posts).toHaveLength(2);
  });
});
