import { z } from 'zod';

export const MAX_MESSAGE_CHARS = 40_000;

const slackId = z.string().regex(/^[A-Z0-9]{2,32}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,8}$/);
/** Slack's view.state.values: block id -> action id -> element state. */
const stateValues = z.record(z.string().max(255), z.record(z.string().max(255), z.record(z.string(), z.unknown())));
/** A Slack-shaped action object built by the page's Block Kit renderer. */
const pageAction = z.looseObject({
  type: z.string().min(1).max(64),
  action_id: z.string().min(1).max(255),
  block_id: z.string().min(1).max(255),
});

/** Everything the page can ask for; anything else is a `bad_request`. */
export const browserActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), user: slackId, channel: slackId, text: z.string(), threadTs: ts.optional() }),
  z.object({
    type: z.literal('command'),
    user: slackId,
    channel: slackId,
    // Checked against the manifest below, so a typo gets "not a valid command", not "bad request".
    command: z.string().startsWith('/').max(80),
    text: z.string().max(4000),
    threadTs: ts.optional(),
  }),
  z.object({
    type: z.literal('block_actions'),
    user: slackId,
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('message'), channel: slackId, ts }),
      z.object({ kind: z.literal('ephemeral'), channel: slackId, ts, ephemeralId: z.string().max(64) }),
      z.object({ kind: z.literal('view'), viewId: z.string().max(64) }),
      z.object({ kind: z.literal('home'), viewId: z.string().max(64) }),
    ]),
    action: pageAction,
    values: stateValues.optional(),
  }),
  z.object({ type: z.literal('view_submission'), user: slackId, viewId: z.string().max(64), values: stateValues }),
  z.object({ type: z.literal('view_closed'), user: slackId, viewId: z.string().max(64) }),
  z.object({ type: z.literal('home_opened'), user: slackId }),
  z.object({ type: z.literal('dm_opened'), user: slackId }),
  z.object({
    type: z.literal('message_action'),
    user: slackId,
    channel: slackId,
    ts,
    callbackId: z.string().min(1).max(255),
  }),
]);

export type BrowserAction = z.infer<typeof browserActionSchema>;
