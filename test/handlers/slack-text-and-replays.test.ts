import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS, COMMANDS } from '../../handlers/ids.js';
import { normalizeClientId } from '../../src/domain/client-id.js';
import { blockActions, type EmulatedMessage, interaction, slashCommand } from '../fakes/slack-api.js';
import { SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

/**
 * Finding 6 (Slack's entities and invisible characters in client names and ids) and the replayed
 * payloads of finding 9, through the real receiver and handlers.
 */
let t: TestSlackApp;
afterEach(async () => {
  await t.close();
});
const start = async () => {
  t = await startTestSlackApp();
  t.slack.addUser({ id: 'URM' });
  t.slack.addChannel({ id: 'CLOANS', members: ['URM', t.slack.bot.userId] });
};
const viewer = { userId: 'URM', teamId: 'T0QUADRANT', isAdmin: false };
const blocksOf = (m: { blocks?: unknown[] } | undefined) => JSON.stringify(m?.blocks ?? []);

type Button = { action_id?: string; value?: string };
const confirmValue = (m: EmulatedMessage): string =>
  ((m.blocks ?? []) as Array<{ type: string; elements?: Button[] }>)
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .find((e) => e.action_id === ACTIONS.confirm)?.value ?? '';

/** Posts a mention as Slack sends it: &, < and > as entities. */
const mentionCard = async (slackText: string) => {
  const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${slackText}`);
  return t.slack.waitFor(() => t.slack.thread('CLOANS', ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)));
};

const confirm = async (card: EmulatedMessage) => {
  await t.click('URM', { actionId: ACTIONS.confirm, value: confirmValue(card) }, { channel: 'CLOANS', ts: card.ts });
  await t.slack.waitFor(() => !blocksOf(t.slack.workspace.findMessage('CLOANS', card.ts)).includes(ACTIONS.confirm));
};

describe('text from Slack', () => {
  it('AT&T arrives as AT&amp;T: the card shows it escaped once and the log records AT&T', async () => {
    await start();
    const card = await mentionCard(
      'Client: AT&amp;T. AAA-rated state-owned utility, third project with us, long-term framework.',
    );
    expect(blocksOf(card)).toContain('AT&amp;T');
    expect(blocksOf(card)).not.toContain('&amp;amp;');
    await confirm(card);
    const [decision] = await t.deps.decisions.history('AT&T', viewer);
    expect(decision?.clientName).toBe('AT&T');
  });

  it('an escaped angle bracket stays text and never becomes a mention or a link', async () => {
    await start();
    const card = await mentionCard(
      'Client: Evil &lt;!channel&gt; Corp. AAA-rated state-owned utility, third project with us, long-term framework.',
    );
    expect(blocksOf(card)).toContain('&lt;!channel&gt;');
    expect(blocksOf(card)).not.toContain('<!channel>');
  });

  it('zero-width and bidi characters do not make a second client', async () => {
    await start();
    const plain = await mentionCard('客户:华鑫制造有限公司,大型国企,AAA评级,合作十年。');
    await confirm(plain);
    const hidden = await mentionCard('客户:华\u200d鑫\u202e制\u2063造\ufeff有限公司,大型国企,AAA评级,合作十年。');
    expect(blocksOf(hidden)).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/);
    await confirm(hidden);
    const history = await t.deps.decisions.history('华鑫制造', viewer);
    expect(history).toHaveLength(2);
    expect(new Set(history.map((d) => d.clientId))).toEqual(new Set([normalizeClientId('华鑫制造')]));
    expect(history.map((d) => d.clientName)).toEqual(['华鑫制造有限公司', '华鑫制造有限公司']);
  });
});

describe('descriptions quoted in cards', () => {
  type TextObject = { type: string; text: string; verbatim?: boolean };
  const textObjects = (m: EmulatedMessage): TextObject[] => {
    const found: TextObject[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.type === 'mrkdwn' && typeof o.text === 'string') found.push(o as unknown as TextObject);
        Object.values(o).forEach(walk);
      }
    };
    walk(m.blocks ?? []);
    return found;
  };

  it('cannot create bold, italics, strike, code or links', async () => {
    await start();
    const card = await mentionCard(
      'Client: *Evil* _Corp_ ~x~ `rm`. AAA-rated state-owned utility, third project with us, long-term framework, see https://evil.example and #general.',
    );
    const objects = textObjects(card);
    expect(objects.length).toBeGreaterThan(0);
    // Verbatim everywhere: Slack links only what the card itself writes as <…>.
    expect(objects.every((o) => o.verbatim === true)).toBe(true);
    const client = objects.find((o) => o.text.includes('Evil'))?.text ?? '';
    expect(client).toContain('∗Evil∗');
    expect(client).not.toMatch(/\*Evil\*|_Corp_|~x~|`rm`/);
    expect(blocksOf(card)).not.toContain('<https://evil.example');
  });
});

describe('replayed payloads', () => {
  it('the same /playbook request twice gets one response', async () => {
    await start();
    const request = slashCommand({
      command: COMMANDS.playbook,
      text: 'strategic',
      userId: 'URM',
      channelId: 'CLOANS',
      teamId: t.teamId,
      responseUrl: t.slack.responseUrl({ channel: 'CLOANS', user: 'URM' }),
    });
    const first = await t.slack.sendToApp(request, { url: t.url, signingSecret: SIGNING_SECRET });
    const second = await t.slack.sendToApp(request, { url: t.url, signingSecret: SIGNING_SECRET });
    expect([first.status, second.status]).toEqual([200, 200]);
    await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').length >= 1);
    // A fresh command afterwards is answered: the replay was dropped, not the next request.
    await t.command(COMMANDS.playbook, 'strategic', 'URM', 'CLOANS');
    await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').length >= 2);
    expect(t.slack.ephemeralsFor('URM')).toHaveLength(2);
    expect(t.logs.join('\n')).toContain('duplicate delivery payload:');
  });

  it('the same Confirm payload twice: one decision and one card update', async () => {
    await start();
    const card = await mentionCard('Client: Huaneng Power. AAA-rated state-owned utility, long-term framework.');
    const request = interaction(
      blockActions(
        {
          userId: 'URM',
          teamId: t.teamId,
          responseUrl: t.slack.responseUrl({ channel: 'CLOANS', user: 'URM', messageTs: card.ts }),
        },
        {
          action: { actionId: ACTIONS.confirm, value: confirmValue(card) },
          message: {
            channel: 'CLOANS',
            ts: card.ts,
            ...(card.threadTs ? { threadTs: card.threadTs } : {}),
            blocks: card.blocks ?? [],
          },
        },
      ),
    );
    const updatesBefore = t.slack.callsTo('chat.update').length;
    await t.slack.sendToApp(request, { url: t.url, signingSecret: SIGNING_SECRET });
    await t.slack.sendToApp(request, { url: t.url, signingSecret: SIGNING_SECRET });
    await t.slack.waitFor(() => blocksOf(t.slack.workspace.findMessage('CLOANS', card.ts)).includes('confirmed'));
    expect(await t.deps.decisions.history('Huaneng Power', viewer)).toHaveLength(1);
    expect(t.logs.join('\n')).toContain('duplicate delivery payload:');
    expect(t.slack.callsTo('chat.update').length - updatesBefore).toBe(1);
  });
});
