import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, COMMANDS } from '../../handlers/ids.js';
import { normalizeClientId } from '../../src/domain/client-id.js';
import type { EmulatedMessage } from '../fakes/slack-api.js';
import {
  SOCKET_APP_TOKEN,
  SOCKET_BOT_TOKEN,
  type SocketTestApp,
  startSocketTestApp,
} from '../fakes/slack-socket-app.js';

// One app for the file: Socket Mode start-up is the slow part, and each test uses its own thread.
const DESCRIPTION =
  'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, wants a long-term framework and FX hedging.';

let t: SocketTestApp;
beforeAll(async () => {
  t = await startSocketTestApp();
  t.slack.addUser({ id: 'URM', name: 'Rita' });
  t.slack.addChannel({ id: 'CLOANS', name: 'loans', members: ['URM', t.slack.bot.userId] });
});
afterAll(async () => {
  await t?.close();
});

const blocksOf = (m: { blocks?: unknown[] } | undefined) => JSON.stringify(m?.blocks ?? []);
const cardIn = (channel: string, threadTs: string) => () =>
  t.slack.thread(channel, threadTs).find((m) => blocksOf(m).includes(ACTIONS.confirm));
const confirmValue = (m: EmulatedMessage) =>
  (m.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>)
    .find((b) => b.type === 'actions')
    ?.elements?.find((e) => e.action_id === ACTIONS.confirm)?.value ?? '';
const botRepliesIn = (channel: string, threadTs: string) =>
  t.slack.thread(channel, threadTs).filter((m) => m.user === t.slack.bot.userId);

describe('Socket Mode against the emulator', () => {
  it('connects with the app-level token through SLACK_API_URL and gets hello', () => {
    const opens = t.slack.callsTo('apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens.every((call) => call.token === SOCKET_APP_TOKEN)).toBe(true);
    expect(t.slack.socketMode.liveConnection()?.state).toBe('open');
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(SOCKET_APP_TOKEN);
    expect(logs).not.toContain(SOCKET_BOT_TOKEN);
  });

  it('acks an app_mention envelope and replies in the thread with the card', async () => {
    const { ts, envelope } = t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    expect(envelope.type).toBe('events_api');
    await t.slack.socketMode.waitForAck(envelope.envelopeId);
    const card = await t.slack.waitFor(cardIn('CLOANS', ts));
    expect(card.threadTs).toBe(ts);
    expect(blocksOf(card)).toContain('Huaneng Power');
    expect(blocksOf(card)).toContain('rules only');
    // Rules only: the card is the one and only post in the thread.
    expect(botRepliesIn('CLOANS', ts)).toHaveLength(1);
    expect(t.slack.workspace.messages.filter((m) => m.user === t.slack.bot.userId && !m.threadTs)).toEqual([]);
  });

  it('acks /playbook at once with an empty payload and answers through response_url', async () => {
    const before = t.slack.ephemeralsFor('URM').length;
    const envelope = t.command(COMMANDS.playbook, '', 'URM', 'CLOANS');
    expect(envelope).toMatchObject({ type: 'slash_commands', acceptsResponsePayload: true });
    const ack = await t.slack.socketMode.waitForAck(envelope.envelopeId);
    expect(ack.payload ?? {}).toEqual({});
    const answer = await t.slack.waitFor(() => t.slack.ephemeralsFor('URM')[before]);
    expect(answer.blocks?.filter((b) => JSON.stringify(b).includes(ACTIONS.openType))).toHaveLength(4);
  });

  it('logs a Confirm click once, even when clicked twice, and updates the card', async () => {
    const { ts, envelope } = t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.socketMode.waitForAck(envelope.envelopeId);
    const card = await t.slack.waitFor(cardIn('CLOANS', ts));
    const viewer = { userId: 'URM', teamId: t.slack.team.id, isAdmin: false };
    const client = normalizeClientId('Huaneng Power');
    const decisionsBefore = (await t.deps.decisions.history(client, viewer)).length;
    const action = { actionId: ACTIONS.confirm, value: confirmValue(card) };
    const clicks = [
      t.click('URM', action, { channel: 'CLOANS', ts: card.ts }),
      t.click('URM', action, { channel: 'CLOANS', ts: card.ts }),
    ];
    expect(clicks[0]?.type).toBe('interactive');
    await Promise.all(clicks.map((c) => t.slack.socketMode.waitForAck(c.envelopeId)));
    const updated = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage('CLOANS', card.ts);
      return m && blocksOf(m).includes('confirmed') ? m : undefined;
    });
    const history = await t.deps.decisions.history(client, viewer);
    expect(history).toHaveLength(decisionsBefore + 1);
    const decision = history.find((d) => blocksOf(updated).includes(d.id.slice(-8)));
    expect(decision).toMatchObject({ type: 'strategic', userId: 'URM', source: 'rules' });
    expect(blocksOf(updated)).not.toContain(ACTIONS.confirm);
  });

  it('does not reply twice to a redelivered envelope with the same event_id', async () => {
    const first = t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(cardIn('CLOANS', first.ts));
    const retried = t.sendEvent(
      { type: 'app_mention', user: 'URM', channel: 'CLOANS', text: `<@${t.slack.bot.userId}> again`, ts: first.ts },
      first.eventId,
      { attempt: 1, reason: 'timeout' },
    );
    await t.slack.socketMode.waitForAck(retried.envelopeId);
    // A later, unrelated mention is answered: by then a wrong second reply would have shown up too.
    const later = t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(cardIn('CLOANS', later.ts));
    expect(botRepliesIn('CLOANS', first.ts)).toHaveLength(1);
    expect(retried.retryAttempt).toBe(1);
  });

  it('reconnects after a disconnect (refresh_requested) and keeps handling events', async () => {
    const old = t.slack.socketMode.liveConnection();
    expect(old).toBeDefined();
    t.slack.socketMode.disconnect('refresh_requested');
    const next = await t.slack.socketMode.waitForConnection({ ...(old ? { except: old } : {}), timeoutMs: 10_000 });
    await t.slack.waitFor(() => old?.state === 'closed');
    expect(old?.closeCode).toBe(1000);
    expect(t.slack.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(2);

    const { ts, envelope } = t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    const ack = await t.slack.socketMode.waitForAck(envelope.envelopeId);
    expect(ack.connectionId).not.toBe(old?.id);
    expect(Number(ack.connectionId.slice(5))).toBeGreaterThanOrEqual(Number(next.id.slice(5)));
    await t.slack.waitFor(cardIn('CLOANS', ts));
    expect(t.slack.socketMode.unexpected).toEqual([]);
  });
});
