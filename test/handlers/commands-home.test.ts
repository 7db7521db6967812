import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, COMMANDS } from '../../handlers/ids.js';
import { appHomeOpened } from '../fakes/slack-api.js';
import { ADMIN, startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

let t: TestSlackApp;
beforeEach(async () => {
  t = await startTestSlackApp();
  t.slack.addUser({ id: 'URM', name: 'Rita' });
  t.slack.addUser({ id: ADMIN, name: 'Ada' });
  t.slack.addChannel({ id: 'CLOANS', name: 'loans', members: ['URM', ADMIN, t.slack.bot.userId] });
});
afterEach(async () => {
  await t.close();
});

const blocksOf = (m: { blocks?: unknown[] } | undefined) => JSON.stringify(m?.blocks ?? []);
const lastEphemeral = (user: string) => t.slack.waitFor(() => t.slack.ephemeralsFor(user).at(-1));

describe('/playbook', () => {
  it('acks with an empty 200 and shows the four types at a glance with open buttons', async () => {
    const ack = await t.command(COMMANDS.playbook, '', 'URM', 'CLOANS');
    expect(ack.status).toBe(200);
    const card = await lastEphemeral('URM');
    expect(card.blocks?.filter((b) => JSON.stringify(b).includes(ACTIONS.openType))).toHaveLength(4);
  });

  it('shows one type by name or alias, in the language of the argument', async () => {
    await t.command(COMMANDS.playbook, '伙伴型', 'URM', 'CLOANS');
    const card = await lastEphemeral('URM');
    expect(blocksOf(card)).toContain('partnership.');
    expect(blocksOf(card)).toContain('典型客户');
  });

  it('searches by keyword and answers an unknown one with help, not an error', async () => {
    await t.command(COMMANDS.playbook, 'hedging', 'URM', 'CLOANS');
    expect(blocksOf(await lastEphemeral('URM'))).toContain('strategic.value-added-services');
    await t.command(COMMANDS.playbook, 'zzzz-nothing', 'URM', 'CLOANS');
    await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').length === 2);
    expect(t.slack.ephemeralsFor('URM')[1]?.text).toContain('Nothing in the playbook matches');
  });
});

describe('/classify', () => {
  it('gives usage help for an empty argument', async () => {
    await t.command(COMMANDS.classify, '  ', 'URM', 'CLOANS');
    expect((await lastEphemeral('URM')).text).toContain('Usage: `/classify');
  });

  it('answers with an ephemeral card whose Confirm replaces it and logs a decision', async () => {
    await t.command(
      COMMANDS.classify,
      'Client: Delta Devco. Developer with a liquidity crunch, missed a payment, wants to restructure.',
      'URM',
      'CLOANS',
    );
    const card = await t.slack.waitFor(() =>
      t.slack.ephemeralsFor('URM').find((e) => blocksOf(e).includes(ACTIONS.confirm)),
    );
    // The actions are the problem-solving playbook's, by title.
    expect(blocksOf(card)).toContain('Form a specialist risk assessment and response team');
    const actions = (
      card.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>
    ).find((b) => b.type === 'actions');
    const value = actions?.elements?.find((e) => e.action_id === ACTIONS.confirm)?.value ?? '';
    await t.click(
      'URM',
      { actionId: ACTIONS.confirm, value },
      { channel: 'CLOANS', ts: card.ts, ephemeralId: card.id },
    );
    await t.slack.waitFor(() =>
      blocksOf(t.slack.ephemeralsFor('URM').find((e) => e.id === card.id)).includes('confirmed'),
    );
    const viewer = { userId: 'URM', teamId: t.teamId, isAdmin: false };
    expect(await t.deps.decisions.list({ userId: 'URM' }, viewer)).toHaveLength(1);
  });
});

describe('/client', () => {
  it('shows help, then an empty history, then a timeline with type changes highlighted', async () => {
    await t.command(COMMANDS.client, '', 'URM', 'CLOANS');
    expect((await lastEphemeral('URM')).text).toContain('/client');
    await t.command(COMMANDS.client, 'Nobody Ltd', 'URM', 'CLOANS');
    await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').length === 2);
    expect(t.slack.ephemeralsFor('URM')[1]?.text).toContain('No decisions');

    const base = {
      clientName: 'Orion Energy Co., Ltd.',
      secondary: null,
      confidence: 0.7,
      evidence: [],
      llmRationale: null,
      recommendedActionIds: [],
      keptActionIds: [],
      description: 'x',
      userId: 'URM',
      teamId: t.teamId,
      channelId: 'CLOANS',
      threadTs: null,
      visibility: 'team' as const,
      versions: { playbook: 'p', rules: 'r', prompt: null, model: null },
    };
    await t.deps.decisions.append({
      ...base,
      idempotencyKey: 'k1',
      type: 'transactional',
      suggestedType: 'transactional',
      source: 'rules',
      reason: null,
    });
    await t.deps.decisions.append({
      ...base,
      idempotencyKey: 'k2',
      type: 'problem_solving',
      suggestedType: 'transactional',
      source: 'manager_override',
      reason: 'missed <@UOTHER> payments',
    });
    // Someone else's private decision (made in a DM) is not the caller's to see.
    await t.deps.decisions.append({
      ...base,
      idempotencyKey: 'k3',
      userId: ADMIN,
      channelId: 'DADMIN',
      visibility: 'private',
      type: 'strategic',
      suggestedType: 'strategic',
      source: 'rules',
      reason: null,
      description: 'secret note',
    });
    await t.command(COMMANDS.client, 'orion energy', 'URM', 'CLOANS');
    await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').length === 3);
    const timeline = blocksOf(t.slack.ephemeralsFor('URM')[2]);
    expect(timeline).toContain('Type changed');
    expect(timeline).toContain('&lt;@UOTHER&gt;');
    expect(timeline).not.toContain(`<@${ADMIN}>`);
  });
});

describe('Message shortcut', () => {
  it('classifies the message it was used on, privately', async () => {
    const notes = t.slack.postAsUser({
      channel: 'CLOANS',
      user: ADMIN,
      text: 'Meeting notes: Client: Acme Steel. Compares three banks on price, wants approval within a week.',
    });
    const ack = await t.shortcut('URM', 'CLOANS', { ts: notes.ts, text: notes.text, user: ADMIN });
    expect(ack.status).toBe(200);
    const card = await t.slack.waitFor(() =>
      t.slack.ephemeralsFor('URM').find((e) => blocksOf(e).includes(ACTIONS.confirm)),
    );
    expect(blocksOf(card)).toContain('Acme Steel');
    expect(t.slack.ephemeralsFor(ADMIN)).toEqual([]);
  });

  it('explains when the message has no text', async () => {
    await t.shortcut('URM', 'CLOANS', { ts: '1.000001', text: '', user: ADMIN });
    expect((await lastEphemeral('URM')).text).toContain('no text');
  });
});

describe('App Home', () => {
  it('publishes recent decisions, distribution and settings; only admins get the cycle control', async () => {
    await t.send(appHomeOpened({ user: 'URM', channel: t.slack.dmWith('URM').id, tab: 'home' }));
    const home = await t.slack.waitFor(() => t.slack.workspace.homeTabs.get('URM'));
    const text = JSON.stringify(home);
    expect(text).toContain('Team distribution by type');
    expect(text).toContain(ACTIONS.homeLang);
    expect(text).not.toContain(ACTIONS.homeCycle);
    await t.send(appHomeOpened({ user: ADMIN, channel: t.slack.dmWith(ADMIN).id, tab: 'home' }));
    const adminHome = await t.slack.waitFor(() => t.slack.workspace.homeTabs.get(ADMIN));
    expect(JSON.stringify(adminHome)).toContain(ACTIONS.homeCycle);
  });

  it('saves the language setting and refuses the cycle to non-admins', async () => {
    const dm = t.slack.dmWith('URM').id;
    await t.click('URM', { actionId: ACTIONS.homeLang, selectedOption: 'zh' }, { channel: dm, ts: '1.000001' });
    await t.slack.waitFor(() =>
      JSON.stringify(t.slack.workspace.homeTabs.get('URM') ?? {}).includes('团队客户类型分布'),
    );
    expect(await t.deps.state.getUserSettings('URM')).toEqual({ lang: 'zh' });

    await t.click('URM', { actionId: ACTIONS.homeCycle, selectedOption: 'downturn' }, { channel: dm, ts: '1.000001' });
    await t.slack.waitFor(() => t.slack.callsTo('views.publish').length === 2);
    expect(await t.deps.state.getWorkspaceSettings(t.teamId)).toEqual({ cycle: 'normal' });

    await t.click(
      ADMIN,
      { actionId: ACTIONS.homeCycle, selectedOption: 'downturn' },
      { channel: t.slack.dmWith(ADMIN).id, ts: '1.000001' },
    );
    await t.slack.waitFor(() => t.slack.callsTo('views.publish').length === 3);
    expect(await t.deps.state.getWorkspaceSettings(t.teamId)).toEqual({ cycle: 'downturn' });
  });
});
