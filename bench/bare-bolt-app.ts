/**
 * The floor for `npm run bench -- slack`: a Bolt app in HTTP mode that only acks `app_mention`.
 * Runs as its own process, like Quadrant's, and prints `listening PORT` when ready.
 * Usage: tsx bench/bare-bolt-app.ts SIGNING_SECRET BOT_TOKEN API_URL
 */
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const [signingSecret = '', token = '', apiUrl = ''] = process.argv.slice(2);
const receiver = new HTTPReceiver({ signingSecret, processBeforeResponse: false, logLevel: LogLevel.ERROR });
const app = new App({
  token,
  receiver,
  botId: 'BBENCH',
  botUserId: 'UBOTBENCH',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: apiUrl },
});
app.event('app_mention', async () => undefined);
const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
const address = server.address();
process.stdout.write(`listening ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
