import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, type PlaygroundSlackSettings, startPlayground } from '../../playground/index.js';
import type { PageSnapshot } from '../../playground/snapshot.js';
import { loadConfig } from '../../src/config.js';
import { createTestApp, TEST_MANIFEST } from './test-app.js';

let playground: Playground;
let settings: PlaygroundSlackSettings;
const printed: string[] = [];
const appLog: string[] = [];

const getJson = async <T>(path: string): Promise<T> => (await fetch(`${playground.url}${path}`)).json() as Promise<T>;
const state = async (user: string) =>
  (await getJson<{ ok: boolean; state: PageSnapshot }>(`/api/state?user=${user}`)).state;
const act = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${playground.url}/api/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  playground = await startPlayground({
    config: loadConfig({ QUADRANT_ADMINS: 'U0BOSS' }),
    createApp: (s) => {
      settings = s;
      return createTestApp(s, { log: (line) => appLog.push(line) });
    },
    port: 0,
    manifest: TEST_MANIFEST,
    print: (text) => printed.push(text),
  });
});

afterAll(async () => {
  await playground?.close();
});

describe('playground server', () => {
  it('prints where to open the page and how to connect a real workspace, without secrets', () => {
    const banner = printed.join('');
    expect(banner).toContain(`http://localhost:${playground.port}`);
    expect(banner).toContain('create the app from manifest.json, then set SLACK_APP_TOKEN and SLACK_BOT_TOKEN');
    expect(banner).toContain('rules only');
    expect(banner).not.toContain(settings.signingSecret);
    expect(banner).not.toContain(settings.botToken);
  });

  it('gives the app a fake bot token, the emulator URL and the team lead as an extra admin', () => {
    expect(settings.botToken).toMatch(/^xoxb-/);
    expect(settings.apiUrl).toBe(playground.emulator.apiUrl);
    expect(settings.admins).toEqual(['U0BOSS', 'U0CHEN']);
  });

  it('serves the page with a strict content security policy and nothing outside public/', async () => {
    const page = await fetch(`${playground.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Quadrant Playground');
    expect((await fetch(`${playground.url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${playground.url}/index.ts`)).status).toBe(404);
  });

  it('lists the personas and the manifest commands', async () => {
    const session = await getJson<{ session: { users: Array<{ id: string; label: string }>; commands: unknown[] } }>(
      '/api/session',
    );
    expect(session.session.users.map((u) => u.label)).toEqual([
      'Li Wei (RM)',
      'Zhang Min (RM)',
      'Chen (team lead, admin)',
    ]);
    expect(session.session.commands).toEqual([{ command: '/echo', description: 'Echo', usageHint: '[text]' }]);
  });

  it('delivers a DM as a signed event; the reply, its status and its blocks reach only that user', async () => {
    const before = await state('U0LIWEI');
    const result = await act({ type: 'message', user: 'U0LIWEI', channel: before.dm, text: 'a <b> & c' });
    expect(result).toEqual({ status: 200, body: { ok: true } });
    const reply = await playground.emulator.waitFor(() =>
      playground.emulator.workspace.messages.find((m) => m.channel === before.dm && m.text.startsWith('heard:')),
    );
    // Slack clients escape &, < and >; the app sees what Slack would send.
    expect(reply.text).toBe('heard: a &lt;b&gt; &amp; c');
    const mine = await state('U0LIWEI');
    const root = mine.messages.find((m) => m.text === 'a &lt;b&gt; &amp; c');
    expect(root?.author).toBe('Li Wei');
    expect(mine.messages.find((m) => m.ts === reply.ts)).toMatchObject({ threadTs: root?.ts, isBot: true });
    const statusCall = playground.emulator.callsTo('assistant.threads.setStatus')[0];
    expect(statusCall?.body).toMatchObject({ channel_id: before.dm, thread_ts: root?.ts, status: 'is thinking…' });
    const someoneElse = await state('U0ZHANGMIN');
    expect(someoneElse.messages.some((m) => m.text.includes('heard'))).toBe(false);
  });

  it('turns a typed @Quadrant in #team into an app mention everyone in the channel sees', async () => {
    const { team } = await state('U0ZHANGMIN');
    await act({ type: 'message', user: 'U0ZHANGMIN', channel: team, text: '@Quadrant hello' });
    await playground.emulator.waitFor(() =>
      playground.emulator.workspace.messages.find((m) => m.channel === team && m.text === 'hi <@U0ZHANGMIN>'),
    );
    const seenByLiWei = await state('U0LIWEI');
    expect(seenByLiWei.messages.map((m) => m.text)).toContain(`<@${settings.bot.userId}> hello`);
  });

  it('runs a slash command and shows its ephemeral answer only to the caller', async () => {
    const { team } = await state('U0LIWEI');
    await act({ type: 'command', user: 'U0LIWEI', channel: team, command: '/echo', text: 'ping' });
    await playground.emulator.waitFor(() =>
      playground.emulator.workspace.ephemerals.find((e) => e.text === 'echo: ping'),
    );
    expect((await state('U0LIWEI')).messages.filter((m) => m.ephemeral).map((m) => m.text)).toContain('echo: ping');
    expect((await state('U0CHEN')).messages.some((m) => m.text === 'echo: ping')).toBe(false);
  });

  it('refuses unknown commands, other people and foreign conversations with localized messages', async () => {
    const { team, dm } = await state('U0LIWEI');
    const unknown = await act({ type: 'command', user: 'U0LIWEI', channel: team, command: '/nope', text: '' });
    expect(unknown.status).toBe(200);
    expect(unknown.body.ok).toBe(false);
    expect(unknown.body.error).toEqual({ en: '/nope is not a valid command.', zh: '/nope 不是有效的命令。' });
    const typo = await act({ type: 'command', user: 'U0LIWEI', channel: team, command: '/中文 命令', text: '' });
    expect(typo.body.code).toBe('unknown_command');
    const stranger = await act({ type: 'message', user: 'U0NOBODY', channel: team, text: 'hi' });
    expect(stranger.body.code).toBe('unknown_user');
    const foreign = await act({ type: 'message', user: 'U0ZHANGMIN', channel: dm, text: 'peek' });
    expect(foreign.body.code).toBe('not_visible');
    const garbage = await act({ type: 'launch_missiles' });
    expect(garbage.body).toMatchObject({ code: 'bad_request', error: { zh: '无法识别该请求。' } });
    const empty = await act({ type: 'message', user: 'U0LIWEI', channel: team, text: '   ' });
    expect(empty.body.code).toBe('empty_message');
  });

  it('rejects requests from other origins and other host names', async () => {
    const cross = await act({ type: 'home_opened', user: 'U0LIWEI' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    // fetch cannot forge Host; a raw request can, as a DNS-rebinding page effectively does.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(`${playground.url}/api/session`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
  });

  it('opens a modal from a button, shows validation errors, and closes it on success', async () => {
    const { dm } = await state('U0LIWEI');
    const card = playground.emulator.workspace.messages.find((m) => m.channel === dm && m.text.startsWith('heard:'));
    if (!card) throw new Error('no card from the DM test');
    await act({
      type: 'block_actions',
      user: 'U0LIWEI',
      source: { kind: 'message', channel: dm, ts: card.ts },
      action: {
        type: 'button',
        action_id: 'open_form',
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Open form' },
      },
    });
    const view = await playground.emulator.waitFor(() =>
      [...playground.emulator.workspace.views.values()].find((v) => v.user === 'U0LIWEI'),
    );
    expect((await state('U0LIWEI')).modal?.id).toBe(view.id);
    expect((await state('U0ZHANGMIN')).modal).toBeNull();

    const values = (value: string) => ({ reason: { value: { type: 'plain_text_input', value } } });
    await act({ type: 'view_submission', user: 'U0LIWEI', viewId: view.id, values: values('no') });
    expect((await state('U0LIWEI')).modal?.errors).toEqual({ reason: 'Too short' });

    await act({ type: 'view_submission', user: 'U0LIWEI', viewId: view.id, values: values('because') });
    expect((await state('U0LIWEI')).modal).toBeNull();
    await playground.emulator.waitFor(() =>
      playground.emulator.workspace.messages.find((m) => m.text === 'saved: because (none)'),
    );
    const again = await act({ type: 'view_submission', user: 'U0LIWEI', viewId: view.id, values: values('twice') });
    expect(again.body.code).toBe('view_gone');
  });

  it('publishes the App Home when a user opens it', async () => {
    await act({ type: 'home_opened', user: 'U0CHEN' });
    await playground.emulator.waitFor(() => playground.emulator.workspace.homeTabs.get('U0CHEN'));
    expect((await state('U0CHEN')).home?.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Home' } },
    ]);
    expect((await state('U0LIWEI')).home).toBeNull();
  });

  it('streams a change event to the page when the workspace changes', async () => {
    const controller = new AbortController();
    const response = await fetch(`${playground.url}/api/events?user=U0LIWEI`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream');
    const { team } = await state('U0LIWEI');
    const received = (async () => {
      let text = '';
      while (!text.includes('event: change')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    await act({ type: 'message', user: 'U0LIWEI', channel: team, text: 'anyone?' });
    expect(await received).toContain('event: change');
    controller.abort();
  });

  it('keeps the app log free of tokens', () => {
    expect(appLog.join('\n')).not.toContain(settings.botToken);
  });
});
