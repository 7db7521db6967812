import { randomBytes } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import { request } from 'node:http';
// The WebSocket client @slack/socket-mode itself uses, so the emulator is tested against the real one.
import { ping, WebSocket } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/lib/sleep.js';
import {
  eventCallback,
  interaction,
  type SlackEmulator,
  slashCommand,
  startSlackEmulator,
} from '../fakes/slack-api.js';

const BOT_TOKEN = 'xoxb-emulator-socket';
const APP_TOKEN = 'xapp-1-emulator-socket';
let slack: SlackEmulator;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  slack = await startSlackEmulator({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.close();
  await slack.close();
});

const connectionsOpen = async (token?: string) => {
  const response = await fetch(`${slack.apiUrl}apps.connections.open`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return (await response.json()) as { ok: boolean; url?: string; error?: string };
};

type Client = { ws: WebSocket; received: Array<Record<string, unknown>>; closed: Promise<number> };

const connect = (url: string): Promise<Client> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    sockets.push(ws);
    const received: Array<Record<string, unknown>> = [];
    const closed = new Promise<number>((done) => ws.addEventListener('close', (e) => done(e.code)));
    ws.addEventListener('message', (e) => {
      received.push(JSON.parse(String(e.data)) as Record<string, unknown>);
      if (received.length === 1) resolve({ ws, received, closed });
    });
    ws.addEventListener('error', () => reject(new Error('WebSocket error')));
  });

const openClient = async () => {
  const opened = await connectionsOpen(APP_TOKEN);
  return connect(opened.url ?? '');
};

/** Bounded poll for things the emulator does not announce (what the client received). */
const until = async <T>(probe: () => T | undefined, timeoutMs = 3000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
};

const nextMessage = (client: Client, count: number) => until(() => client.received[count - 1]);

const mention = () =>
  eventCallback({ type: 'app_mention', user: 'U1', channel: 'C1', text: 'hi', ts: '1.000001' }, { teamId: 'T1' });

describe('Slack emulator: apps.connections.open', () => {
  it('gives a ws:// URL on this server to its app-level token only', async () => {
    const ok = await connectionsOpen(APP_TOKEN);
    expect(ok.ok).toBe(true);
    expect(ok.url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${slack.port}/link/\\?ticket=[0-9a-f]+`));
    expect(await connectionsOpen()).toEqual({ ok: false, error: 'not_authed' });
    expect(await connectionsOpen(BOT_TOKEN)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(await connectionsOpen('xapp-1-someone-else')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual([
      APP_TOKEN,
      undefined,
      BOT_TOKEN,
      'xapp-1-someone-else',
    ]);
  });

  it('refuses an emulator without an app token, and a ticket used twice', async () => {
    const other = await startSlackEmulator({ botToken: BOT_TOKEN });
    try {
      const response = await fetch(`${other.apiUrl}apps.connections.open`, {
        method: 'POST',
        headers: { authorization: `Bearer ${APP_TOKEN}` },
      });
      expect(await response.json()).toEqual({ ok: false, error: 'invalid_auth' });
    } finally {
      await other.close();
    }
    const { url } = await connectionsOpen(APP_TOKEN);
    await connect(url ?? '');
    await expect(connect(url ?? '')).rejects.toThrow(/WebSocket error/);
    expect(slack.socketMode.connections).toHaveLength(1);
  });
});

describe('Slack emulator: the Socket Mode WebSocket', () => {
  it('says hello, delivers envelopes in Slack wire format, and records acks', async () => {
    const client = await openClient();
    expect(client.received[0]).toMatchObject({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A0QUADRANT' },
    });

    const event = slack.socketMode.deliverRequest(mention());
    const command = slack.socketMode.deliverRequest(
      slashCommand({
        command: '/playbook',
        text: 'hedging',
        userId: 'U1',
        channelId: 'C1',
        teamId: 'T1',
        responseUrl: 'http://x',
      }),
    );
    const click = slack.socketMode.deliverRequest(interaction({ type: 'block_actions', actions: [] }));
    await nextMessage(client, 4);
    expect(client.received[1]).toEqual({
      envelope_id: event.envelopeId,
      type: 'events_api',
      payload: expect.objectContaining({
        type: 'event_callback',
        event: expect.objectContaining({ type: 'app_mention' }),
      }),
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    });
    expect(client.received[2]).toMatchObject({
      envelope_id: command.envelopeId,
      type: 'slash_commands',
      payload: { command: '/playbook', text: 'hedging', user_id: 'U1' },
      accepts_response_payload: true,
    });
    expect(client.received[3]).toMatchObject({ type: 'interactive', payload: { type: 'block_actions' } });
    expect(new Set([event, command, click].map((e) => e.envelopeId)).size).toBe(3);

    // An ack larger than 64 KiB exercises the longest frame header.
    const big = 'x'.repeat(70_000);
    client.ws.send(JSON.stringify({ envelope_id: command.envelopeId, payload: { text: big } }));
    client.ws.send(JSON.stringify({ envelope_id: event.envelopeId }));
    client.ws.send('not json');
    const ack = await slack.socketMode.waitForAck(command.envelopeId);
    expect(ack.payload?.text).toBe(big);
    expect(ack.connectionId).toBe(slack.socketMode.connections[0]?.id);
    expect(await slack.socketMode.waitForAck(event.envelopeId)).not.toHaveProperty('payload');
    await slack.waitFor(() => slack.socketMode.unexpected.length === 1);
    expect(slack.socketMode.unexpected).toEqual(['not json']);
  });

  it('answers pings with pongs, which keep the real client connected', async () => {
    const client = await openClient();
    const pongs: unknown[] = [];
    const onPong = (message: unknown) => pongs.push(message);
    const pongChannel = channel('undici:websocket:pong');
    pongChannel.subscribe(onPong);
    try {
      ping(client.ws, Buffer.from('are you there'));
      const pong = (await until(() => pongs[0])) as { payload?: Buffer };
      expect(pong.payload?.toString()).toBe('are you there');
    } finally {
      pongChannel.unsubscribe(onPong);
    }
  });

  it('sends disconnect, stops delivering there, and redelivers unacked envelopes on the next connection', async () => {
    const first = await openClient();
    const unacked = slack.socketMode.deliverRequest(mention());
    await nextMessage(first, 2);
    slack.socketMode.disconnect('refresh_requested');
    await nextMessage(first, 3);
    expect(first.received[2]).toMatchObject({ type: 'disconnect', reason: 'refresh_requested' });
    // Sent while the only connection is draining: waits for the next connection.
    const queued = slack.socketMode.deliverRequest(mention());
    first.ws.close(1000);
    expect(await first.closed).toBe(1000);
    await slack.waitFor(() => slack.socketMode.connections[0]?.state === 'closed');
    expect(first.received).toHaveLength(3);

    const second = await openClient();
    await nextMessage(second, 3);
    expect(second.received.slice(1)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ envelope_id: unacked.envelopeId, retry_attempt: 1, retry_reason: 'timeout' }),
        expect.objectContaining({ envelope_id: queued.envelopeId, retry_attempt: 0 }),
      ]),
    );
    expect(unacked.connectionIds).toEqual(['conn-1', 'conn-2']);
    expect(slack.socketMode.liveConnection()?.id).toBe('conn-2');
  });

  it('closes connections from the server side with a close handshake', async () => {
    const client = await openClient();
    slack.socketMode.dropConnections(1001);
    expect(await client.closed).toBe(1001);
    await slack.waitFor(() => slack.socketMode.connections[0]?.state === 'closed');
    expect(slack.socketMode.liveConnection()).toBeUndefined();
  });

  it('refuses a request that is not a WebSocket upgrade with 400, and unknown paths with 404', async () => {
    const opened = await connectionsOpen(APP_TOKEN);
    const url = new URL(opened.url ?? '');
    const upgrade = (path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({
          host: url.hostname,
          port: url.port,
          path,
          headers: { connection: 'Upgrade', ...headers },
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('upgrade', () => reject(new Error('upgraded')));
        req.on('error', reject);
        req.end();
      });
    expect(await upgrade(`${url.pathname}${url.search}`, { upgrade: 'websocket' })).toBe(400);
    expect(
      await upgrade('/elsewhere/', { upgrade: 'websocket', 'sec-websocket-key': 'x', 'sec-websocket-version': '13' }),
    ).toBe(404);
  });

  it('closes a connection that sends text that is not valid UTF-8 (1007), as the protocol requires', async () => {
    const opened = await connectionsOpen(APP_TOKEN);
    const url = new URL(opened.url ?? '');
    const code = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-key': randomBytes(16).toString('base64'),
          'sec-websocket-version': '13',
        },
      });
      req.on('upgrade', (_res, socket) => {
        let buffered = Buffer.alloc(0);
        socket.on('data', (chunk: Buffer) => {
          buffered = Buffer.concat([buffered, chunk]);
          // Frames from the server: skip hello (text), wait for the close frame (opcode 8).
          let at = 0;
          while (at + 2 <= buffered.length) {
            const opcode = (buffered[at] ?? 0) & 0x0f;
            let length = (buffered[at + 1] ?? 0) & 0x7f;
            let header = 2;
            if (length === 126) {
              length = buffered.readUInt16BE(at + 2);
              header = 4;
            }
            if (at + header + length > buffered.length) break;
            if (opcode === 0x8) {
              resolve(buffered.readUInt16BE(at + header));
              socket.destroy();
              return;
            }
            at += header + length;
          }
        });
        // One masked text frame whose payload (0xff 0xfe) is not UTF-8.
        const mask = randomBytes(4);
        const payload = Buffer.from([0xff, 0xfe]).map((b, i) => b ^ (mask[i % 4] ?? 0));
        socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, payload]));
      });
      req.on('response', (res) => reject(new Error(`HTTP ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });
    expect(code).toBe(1007);
    expect(slack.socketMode.unexpected).toEqual([]);
  });
});
