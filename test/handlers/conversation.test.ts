/**
 * The conversation a new RM has, over correctly signed events against the real Bolt receiver:
 * intents in both languages, client identity, honest cards, retired buttons and sharing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, BLOCKS, COMMANDS, VIEWS } from '../../handlers/ids.js';
import { normalizeClientId } from '../../src/domain/client-id.js';
import { messages } from '../../src/domain/messages/messages.js';
import { sleep } from '../../src/lib/sleep.js';
import { appHomeOpened, type EmulatedMessage } from '../fakes/slack-api.js';
import { startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

let t: TestSlackApp;
beforeEach(async () => {
  t = await startTestSlackApp();
  t.slack.addUser({ id: 'URM', name: 'Rita' });
  t.slack.addUser({ id: 'UMATE', name: 'Mao' });
  t.slack.addChannel({ id: 'CTEAM', name: 'team', members: ['URM', 'UMATE', t.slack.bot.userId] });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(
      t.logs
        .filter((l) => /ERROR|WARN|failed/.test(l))
        .slice(-8)
        .join('\n'),
    );
  await t.close();
});

const json = (m: { blocks?: unknown[]; text?: string } | undefined) =>
  JSON.stringify(m?.blocks ?? []) + (m?.text ?? '');
type Element = { action_id?: string; value?: string };
type AnyBlock = { type: string; block_id?: string; elements?: Element[]; accessory?: Element };
const elements = (m: EmulatedMessage) =>
  (m.blocks as AnyBlock[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
const element = (m: EmulatedMessage, actionId: string) => elements(m).find((e) => e.action_id === actionId);
const blockIdOf = (m: EmulatedMessage, actionId: string) =>
  (m.blocks as AnyBlock[]).find((b) => b.elements?.some((e) => e.action_id === actionId))?.block_id ?? '';

/** Sends a DM and waits for the bot's first reply in its thread. */
const ask = async (text: string, user = 'URM') => {
  const sent = await t.dm(user, text);
  const reply = await t.slack.waitFor(() =>
    t.slack.thread(sent.channel, sent.ts).find((m) => m.user === t.slack.bot.userId),
  );
  return { ...sent, reply };
};
const botMessages = (channel: string, ts: string) =>
  t.slack.thread(channel, ts).filter((m) => m.user === t.slack.bot.userId);
const cardsIn = (channel: string, ts: string) =>
  botMessages(channel, ts).filter((m) => json(m).includes(ACTIONS.changeType) || json(m).includes(ACTIONS.chooseType));
const viewer = (userId: string) => ({ userId, teamId: t.teamId, isAdmin: false });
/** Polls an async condition (a store read) until it holds; fails after five seconds. */
const until = async (check: () => Promise<unknown>) => {
  for (const stop = Date.now() + 5000; Date.now() < stop; await sleep(20)) {
    if (await check()) return;
  }
  throw new Error('condition not met within 5 s');
};

const STRONG_EN =
  'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, wants a long-term framework and FX hedging.';
const STRONG_ZH = '客户:华能电力。AAA评级的国有电力企业,与我行第三次合作,希望签订长期框架协议并做汇率避险。';

describe('intent before classification, in both languages', () => {
  it.each([
    ['hi', 'Hi, I am Quadrant', 'The four types'],
    ['你好', '您好,我是 Quadrant', '四种类型'],
    ['What can you do?', 'Hi, I am Quadrant', 'Try'],
    ['怎么用?', '您好,我是 Quadrant', '可以这样问'],
  ])('"%s" gets the welcome, the four types and example prompts', async (text, title, section) => {
    const { reply } = await ask(text);
    expect(json(reply)).toContain(title);
    expect(json(reply)).toContain(section);
    expect(json(reply)).not.toContain(ACTIONS.confirm);
    expect(json(reply)).not.toContain('quick question');
  });

  it.each([
    ['What does the playbook say about partnership clients?', 'emotion-based partnership', 'Strategies'],
    ['how do we keep partnership clients', 'emotion-based partnership', 'Strategies'],
    ['伙伴型客户应该怎么维护?', '伙伴', '管理策略'],
    ['纾困怎么做', '问题解决', '管理策略'],
  ])('"%s" gets the playbook answer /playbook gives', async (text, name, strategies) => {
    const { reply } = await ask(text);
    expect(json(reply)).toContain(name);
    expect(json(reply)).toContain(strategies);
    expect(json(reply)).not.toContain(ACTIONS.confirm);
    // The same blocks as the slash command for that type.
    const alias = text.includes('纾困') ? '问题解决型' : text.includes('伙伴') ? '伙伴型' : 'partnership';
    await t.command(COMMANDS.playbook, alias, 'URM', t.slack.dmWith('URM').id);
    const slash = await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').at(-1));
    expect(JSON.stringify(slash.blocks)).toBe(JSON.stringify(reply.blocks));
  });

  it.each([
    ['what did we decide on Huaneng Power?', 'Decision history'],
    ['我们之前对华能电力做了什么决策?', '决策记录'],
  ])('"%s" gets the client timeline /client gives', async (text, title) => {
    const first = await ask(text.includes('华能') && !text.includes('Huaneng') ? STRONG_ZH : STRONG_EN);
    await t.click(
      'URM',
      { actionId: ACTIONS.confirm, value: element(first.reply, ACTIONS.confirm)?.value ?? '' },
      { channel: first.channel, ts: first.reply.ts },
    );
    await t.slack.waitFor(
      () =>
        json(t.slack.workspace.findMessage(first.channel, first.reply.ts)).includes('confirmed') ||
        json(t.slack.workspace.findMessage(first.channel, first.reply.ts)).includes('已确认'),
    );
    const { reply } = await ask(text);
    expect(json(reply)).toContain(title);
    expect(json(reply)).toContain('<@URM>');
    expect(json(reply)).not.toContain(ACTIONS.confirm);
  });

  it.each([
    ['AAA-rated SOE, third project with us, wants a long-term framework per the playbook.', 'en'],
    ['客户是AAA评级央企,第三次合作,想按打法手册签长期框架', 'zh'],
  ])('a description that mentions the playbook in passing is still classified: %s', async (text, lang) => {
    const { reply } = await ask(text);
    // The intake: a card, or first a follow-up question about the client, in the message's language.
    const m = messages(lang as 'en' | 'zh');
    expect(json(reply).includes(m.cardConfidence) || json(reply).includes(m.followUpIntro)).toBe(true);
    expect(json(reply)).not.toContain(m.playbookTypicalClients);
  });

  it('asks one question with buttons when the intent is unclear, and classifies on "yes"', async () => {
    const { channel, ts, reply } = await ask('ok');
    expect(json(reply)).toContain(ACTIONS.clarifyDescribe);
    expect(json(reply)).toContain(ACTIONS.clarifyPlaybook);
    await t.click(
      'URM',
      { actionId: ACTIONS.clarifyHelp, value: element(reply, ACTIONS.clarifyHelp)?.value ?? '' },
      { channel, ts: reply.ts },
    );
    await t.slack.waitFor(() => botMessages(channel, ts).find((m) => json(m).includes('Hi, I am Quadrant')));
    expect(elements(t.slack.workspace.findMessage(channel, reply.ts) as EmulatedMessage)).toEqual([]);
  });
});

describe('suggested prompts in the agent view', () => {
  it('under "auto", follow the language the user last wrote in', async () => {
    const dm = t.slack.dmWith('URM').id;
    await ask('客户是本地民营制造企业,这次只想做一笔短期贸易融资,比价后选利率最低的银行。');
    await t.send(appHomeOpened({ user: 'URM', channel: dm, tab: 'messages' }));
    const call = await t.slack.waitFor(() => t.slack.callsTo('assistant.threads.setSuggestedPrompts')[0]);
    expect(call.body.title).toBe(messages('zh').suggestedPromptsTitle);
    expect(call.body.prompts).toEqual(messages('zh').suggestedPrompts.map((p) => ({ ...p })));
  });

  it.each(['en', 'zh'] as const)(
    'come from the messages tab, channel only, in the user language (%s), each landing on its intent',
    async (lang) => {
      await t.deps.state.setUserSettings('URM', { lang });
      const dm = t.slack.dmWith('URM').id;
      await t.send(appHomeOpened({ user: 'URM', channel: dm, tab: 'messages' }));
      const call = await t.slack.waitFor(() => t.slack.callsTo('assistant.threads.setSuggestedPrompts')[0]);
      expect(call.body.channel_id).toBe(dm);
      expect(call.body).not.toHaveProperty('thread_ts');
      const prompts = call.body.prompts as Array<{ title: string; message: string }>;
      expect(prompts).toEqual(messages(lang).suggestedPrompts.map((p) => ({ ...p })));
      const m = messages(lang);
      const expected = [ACTIONS.changeType, ACTIONS.changeType, m.playbookStrategies, m.welcomeTitle];
      for (const [i, prompt] of prompts.entries()) {
        const { reply } = await ask(prompt.message);
        const found = json(reply).includes(expected[i] ?? '') || (i < 2 && json(reply).includes(ACTIONS.followUpYes));
        expect(found, `${prompt.title} → ${json(reply).slice(0, 300)}`).toBe(true);
      }
    },
  );
});

describe('client identity', () => {
  it('gives each unnamed client its own id, never pooled, and the history follows a name given later', async () => {
    const a = await ask('Developer with a liquidity crunch, missed a payment, asking to restructure its loan.');
    const b = await ask('Mid-size developer, overdue on interest, wants a rescheduling of its debt.');
    const nameOf = (m: EmulatedMessage) => /Unnamed client · \d\d-\d\d #\d+/.exec(json(m))?.[0];
    const [nameA, nameB] = [nameOf(a.reply), nameOf(b.reply)];
    expect(nameA).toBeDefined();
    expect(nameB).toBeDefined();
    expect(nameA).not.toBe(nameB);
    for (const x of [a, b]) {
      await t.click(
        'URM',
        { actionId: ACTIONS.confirm, value: element(x.reply, ACTIONS.confirm)?.value ?? '' },
        { channel: x.channel, ts: x.reply.ts },
      );
    }
    await until(async () => (await t.deps.decisions.list({ userId: 'URM' }, viewer('URM'))).length === 2 || undefined);
    expect(await t.deps.decisions.history(normalizeClientId(nameA ?? ''), viewer('URM'))).toHaveLength(1);
    expect(await t.deps.decisions.history(normalizeClientId(nameB ?? ''), viewer('URM'))).toHaveLength(1);

    // Naming client A later moves its decision to that name.
    await t.click(
      'URM',
      { actionId: ACTIONS.editClient, value: element(a.reply, ACTIONS.editClient)?.value ?? '' },
      { channel: a.channel, ts: a.reply.ts },
    );
    const opened = await t.slack.waitFor(() => t.slack.callsTo('views.open').at(-1));
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEWS.editClient);
    await t.submit('URM', VIEWS.editClient, view.private_metadata, {
      [BLOCKS.clientName]: { [BLOCKS.clientNameInput]: { type: 'plain_text_input', value: 'Evergreen Land Group' } },
    });
    await t.slack.waitFor(
      () => json(t.slack.workspace.findMessage(a.channel, a.reply.ts)).includes('Evergreen Land Group') || undefined,
    );
    expect(await t.deps.decisions.history('Evergreen Land', viewer('URM'))).toHaveLength(1);
    expect(await t.deps.decisions.history(normalizeClientId(nameA ?? ''), viewer('URM'))).toHaveLength(0);
    expect(await t.deps.decisions.history(normalizeClientId(nameB ?? ''), viewer('URM'))).toHaveLength(1);
  });

  it('lets the RM name the client before Confirm, and logs the decision under that name', async () => {
    const { channel, reply } = await ask('华东某城投平台,近期出现一笔利息逾期,正在与多家银行协商展期');
    expect(json(reply)).toMatch(/华东某城投平台 · \d\d-\d\d #\d+/);
    // A client in default never gets the transactional "fast standard process".
    expect(json(reply)).not.toContain('简便快捷');
    await t.click(
      'URM',
      { actionId: ACTIONS.editClient, value: element(reply, ACTIONS.editClient)?.value ?? '' },
      { channel, ts: reply.ts },
    );
    const opened = await t.slack.waitFor(() => t.slack.callsTo('views.open').at(-1));
    const view = opened.body.view as { private_metadata: string };
    const empty = await t.submit('URM', VIEWS.editClient, view.private_metadata, {
      [BLOCKS.clientName]: { [BLOCKS.clientNameInput]: { type: 'plain_text_input', value: '  ' } },
    });
    expect(JSON.parse(empty.body)).toMatchObject({ response_action: 'errors' });
    await t.submit('URM', VIEWS.editClient, view.private_metadata, {
      [BLOCKS.clientName]: { [BLOCKS.clientNameInput]: { type: 'plain_text_input', value: '苏州城投集团' } },
    });
    const renamed = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage(channel, reply.ts);
      return json(m).includes('苏州城投集团') ? m : undefined;
    });
    await t.click(
      'URM',
      { actionId: ACTIONS.confirm, value: element(renamed, ACTIONS.confirm)?.value ?? '' },
      { channel, ts: reply.ts },
    );
    await until(async () => (await t.deps.decisions.history('苏州城投', viewer('URM'))).length === 1 || undefined);
  });
});

describe('honest cards', () => {
  it('with no real signal shows no type, the deciding facts and the four types; choosing one is an override', async () => {
    const { channel, ts } = await t.dm('URM', 'New client, a company we met at a conference.');
    await t.slack.waitFor(() => botMessages(channel, ts)[0]);
    await t.dm('URM', 'classify now', ts);
    const card = await t.slack.waitFor(() => cardsIn(channel, ts)[0]);
    expect(json(card)).toContain('Not enough information');
    expect(json(card)).toContain('What would decide it');
    expect(json(card)).not.toContain(ACTIONS.confirm);
    expect(json(card)).not.toContain('0%');
    const choose = elements(card).filter((e) => e.action_id?.startsWith(ACTIONS.chooseType));
    expect(choose).toHaveLength(4);
    const partnership = choose.find((e) => e.action_id?.endsWith('partnership'));
    await t.click(
      'URM',
      { actionId: partnership?.action_id ?? '', value: partnership?.value ?? '' },
      { channel, ts: card.ts },
    );
    const opened = await t.slack.waitFor(() => t.slack.callsTo('views.open').at(-1));
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEWS.changeTypeReason);
    await t.submit('URM', VIEWS.changeTypeReason, view.private_metadata, {
      [BLOCKS.reason]: { [BLOCKS.reasonInput]: { type: 'plain_text_input', value: 'Family firm, banks only with us' } },
    });
    const redrawn = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage(channel, card.ts);
      return json(m).includes('changed the type') ? m : undefined;
    });
    expect(json(redrawn)).toContain('Partnership');
    expect(json(redrawn)).toContain('was: not enough information');
    const [decision] = await t.deps.decisions.list({ userId: 'URM' }, viewer('URM'));
    expect(decision).toMatchObject({
      type: 'partnership',
      source: 'manager_override',
      reason: 'Family firm, banks only with us',
    });
  });

  it('redraws the card as the new type after Change type, in the DM and in the shared copy, and sharing makes it team-visible', async () => {
    const { channel, reply } = await ask(STRONG_EN);
    await t.click(
      'URM',
      { actionId: ACTIONS.confirm, value: element(reply, ACTIONS.confirm)?.value ?? '' },
      { channel, ts: reply.ts },
    );
    const confirmed = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage(channel, reply.ts);
      return json(m).includes('confirmed') ? m : undefined;
    });
    // The teammate cannot see a DM decision yet.
    await t.command(COMMANDS.client, 'Huaneng Power', 'UMATE', 'CTEAM');
    const before = await t.slack.waitFor(() => t.slack.ephemeralsFor('UMATE').at(-1));
    expect(before.text).toContain('No decisions you can see');

    await t.click(
      'URM',
      { actionId: ACTIONS.share, value: element(confirmed, ACTIONS.share)?.value ?? '' },
      { channel, ts: reply.ts },
    );
    const shareView = await t.slack.waitFor(() => t.slack.callsTo('views.open').at(-1));
    const share = shareView.body.view as { private_metadata: string; blocks: unknown[] };
    expect(JSON.stringify(share.blocks)).toContain('visible to your team');
    await t.submit('URM', VIEWS.shareCard, share.private_metadata, {
      [BLOCKS.shareChannel]: {
        [BLOCKS.shareChannelInput]: { type: 'conversations_select', selected_conversation: 'CTEAM' },
      },
    });
    const copy = await t.slack.waitFor(() =>
      t.slack.workspace.messages.find((m) => m.channel === 'CTEAM' && m.user === t.slack.bot.userId),
    );
    expect(json(copy)).toContain('Long-term strategic cooperation');
    await until(
      async () => (await t.deps.decisions.history('Huaneng Power', viewer('UMATE'))).length === 1 || undefined,
    );
    await t.command(COMMANDS.client, 'Huaneng Power', 'UMATE', 'CTEAM');
    const after = await t.slack.waitFor(() => {
      const e = t.slack.ephemeralsFor('UMATE').at(-1);
      return e && e !== before ? e : undefined;
    });
    expect(JSON.stringify(after.blocks)).toContain('<@URM>');

    await t.click(
      'URM',
      {
        actionId: ACTIONS.changeType,
        blockId: blockIdOf(confirmed, ACTIONS.changeType),
        selectedOption: 'partnership',
      },
      { channel, ts: reply.ts },
    );
    const opened = await t.slack.waitFor(() => {
      const v = t.slack.callsTo('views.open').at(-1);
      return (v?.body.view as { callback_id?: string })?.callback_id === VIEWS.changeTypeReason ? v : undefined;
    });
    await t.submit('URM', VIEWS.changeTypeReason, (opened.body.view as { private_metadata: string }).private_metadata, {
      [BLOCKS.reason]: { [BLOCKS.reasonInput]: { type: 'plain_text_input', value: 'They co-invest with us now' } },
    });
    const redrawn = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage(channel, reply.ts);
      return json(m).includes('changed the type') ? m : undefined;
    });
    const sharedCopy = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage('CTEAM', copy.ts);
      return json(m).includes('changed the type') ? m : undefined;
    });
    for (const m of [redrawn, sharedCopy]) {
      const text = json(m);
      expect(text).toContain('emotion-based partnership');
      expect(text).not.toContain('Long-term strategic cooperation');
      expect(text).toMatch(/was: Strategic \(rules, \d+%\)/);
      expect(text).toContain('They co-invest with us now');
      expect(text).toContain('partnership');
    }
    const history = await t.deps.decisions.history('Huaneng Power', viewer('UMATE'));
    expect(history.map((d) => [d.type, d.visibility])).toEqual([
      ['strategic', 'team'],
      ['partnership', 'team'],
    ]);
  });

  it('retires answered follow-ups: typed answers remove the buttons, old buttons create nothing', async () => {
    const { channel, ts, reply: question } = await ask('A client.');
    expect(json(question)).toContain(ACTIONS.followUpYes);
    const classifyNow = element(question, ACTIONS.classifyNow);
    await t.dm('URM', 'They missed a payment last month.', ts);
    const retired = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage(channel, question.ts);
      return m && elements(m).length === 0 ? m : undefined;
    });
    expect(json(retired)).toContain('→ They missed a payment last month.');
    await t.dm('URM', 'classify now', ts);
    const card = await t.slack.waitFor(() => cardsIn(channel, ts)[0]);
    // The old "Classify now" button (still in a stale client) posts no second card and logs nothing.
    await t.click(
      'URM',
      { actionId: ACTIONS.classifyNow, value: classifyNow?.value ?? '' },
      { channel, ts: question.ts },
    );
    await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').find((e) => e.text.includes('already answered')));
    expect(cardsIn(channel, ts)).toHaveLength(1);
    // A second Confirm on the same card logs one decision.
    for (let i = 0; i < 2; i += 1)
      await t.click(
        'URM',
        { actionId: ACTIONS.confirm, value: element(card, ACTIONS.confirm)?.value ?? '' },
        { channel, ts: card.ts },
      );
    await until(async () => (await t.deps.decisions.list({ userId: 'URM' }, viewer('URM'))).length === 1 || undefined);
    expect(await t.deps.decisions.list({ userId: 'URM' }, viewer('URM'))).toHaveLength(1);
  });

  it('gives fixed-choice follow-ups one button per answer', async () => {
    const { channel, ts, reply } = await ask('A client.');
    await t.click(
      'URM',
      { actionId: ACTIONS.followUpNo, value: element(reply, ACTIONS.followUpNo)?.value ?? '' },
      { channel, ts: reply.ts },
    );
    const second = await t.slack.waitFor(() =>
      botMessages(channel, ts).find((m) => elements(m).some((e) => e.action_id?.startsWith(ACTIONS.followUpChoice))),
    );
    const choices = elements(second).filter((e) => e.action_id?.startsWith(ACTIONS.followUpChoice));
    expect(choices).toHaveLength(4);
    await t.click(
      'URM',
      { actionId: choices[2]?.action_id ?? '', value: choices[2]?.value ?? '' },
      { channel, ts: second.ts },
    );
    const card = await t.slack.waitFor(() => cardsIn(channel, ts)[0]);
    expect(json(card)).toContain('Partnership');
    await t.slack.waitFor(
      () => json(t.slack.workspace.findMessage(channel, second.ts)).includes('→ Family business') || undefined,
    );
    expect(elements(t.slack.workspace.findMessage(channel, second.ts) as EmulatedMessage)).toEqual([]);
  });

  it('shows the strongest evidence first, each span once, and all of it on request', async () => {
    const { channel, reply } = await ask(
      'Client: Orion Grid. AAA-rated state-owned utility, long-term framework, third project with us, fifteen years of history, wants FX hedging and a syndicated loan, strategic partner of the province.',
    );
    const text = json(reply);
    const spans = [...text.matchAll(/• “([^”]+)”/g)].map((x) => x[1]);
    expect(new Set(spans).size).toBe(spans.length);
    const more = element(reply, ACTIONS.showEvidence);
    if (more) {
      await t.click('URM', { actionId: ACTIONS.showEvidence, value: more.value ?? '' }, { channel, ts: reply.ts });
      const opened = await t.slack.waitFor(() => t.slack.callsTo('views.open').at(-1));
      expect((opened.body.view as { callback_id: string }).callback_id).toBe(VIEWS.evidence);
    }
    // Ids, versions and the setup note are in the small print only.
    const blocks = reply.blocks as AnyBlock[];
    const small = JSON.stringify(blocks.at(-1));
    expect(blocks.at(-1)?.type).toBe('context');
    expect(small).toContain('rules only');
    expect(JSON.stringify(blocks.slice(0, -1))).not.toMatch(/rules-\d|OPENAI_API_KEY|strategic\.[a-z]/);
  });
});
