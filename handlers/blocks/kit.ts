/** Small Block Kit constructors with the limits applied, so builders cannot exceed them by accident. */
import { truncate } from '../../src/slack/escape.js';

export const LIMITS = { section: 3000, header: 150, button: 75, context: 2000, field: 2000, option: 75 } as const;

export type Block = { type: string; [key: string]: unknown };

/**
 * Every mrkdwn text object is verbatim: Slack then links only what we wrote as `<…>`, so a bare
 * URL or `#channel` quoted from a description stays text.
 */
const mrkdwn = (text: string, max: number) => ({ type: 'mrkdwn', text: truncate(text, max), verbatim: true });

export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.header), emoji: true },
});

export const section = (text: string, extra: Record<string, unknown> = {}): Block => ({
  ...extra,
  type: 'section',
  text: mrkdwn(text, LIMITS.section),
});

export const fields = (items: string[]): Block => ({
  type: 'section',
  fields: items.slice(0, 10).map((text) => mrkdwn(text, LIMITS.field)),
});

export const context = (...texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, 10).map((text) => mrkdwn(text, LIMITS.context)),
});

export const divider = (): Block => ({ type: 'divider' });

export const button = (
  text: string,
  actionId: string,
  value?: string,
  style?: 'primary' | 'danger',
): Record<string, unknown> => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, LIMITS.button), emoji: true },
  action_id: actionId,
  ...(value === undefined ? {} : { value }),
  ...(style === undefined ? {} : { style }),
});

export const option = (text: string, value: string) => ({
  text: { type: 'plain_text', text: truncate(text, LIMITS.option), emoji: true },
  value,
});

export const plain = (text: string, max = 24) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

/** A Slack date token: shown in the reader's time zone, with a plain fallback. */
export const slackDate = (iso: string): string => {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${iso.slice(0, 16)}Z>` : iso;
};
