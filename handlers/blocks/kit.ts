/** Small Block Kit constructors with the limits applied, so builders cannot exceed them by accident. */
import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { truncate } from '../../src/slack/escape.js';

export const LIMITS = {
  section: 3000,
  header: 150,
  button: 75,
  context: 2000,
  field: 2000,
  option: 75,
  value: 2000,
} as const;

export type Block = KnownBlock;

/**
 * Every mrkdwn text object is verbatim: Slack then links only what we wrote as `<…>`, so a bare
 * URL or `#channel` quoted from a description stays text.
 */
const mrkdwn = (text: string, max: number): MrkdwnElement => ({
  type: 'mrkdwn',
  text: truncate(text, max),
  verbatim: true,
});

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.header), emoji: true },
});

export const section = (
  text: string,
  extra: Partial<Pick<SectionBlock, 'accessory' | 'block_id'>> = {},
): SectionBlock => ({
  ...extra,
  type: 'section',
  text: mrkdwn(text, LIMITS.section),
});

export const fields = (items: string[]): SectionBlock => ({
  type: 'section',
  fields: items.slice(0, 10).map((text) => mrkdwn(text, LIMITS.field)),
});

export const context = (...texts: string[]): ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, 10).map((text) => mrkdwn(text, LIMITS.context)),
});

export const divider = (): DividerBlock => ({ type: 'divider' });

export const actions = (elements: ActionsBlockElement[], blockId?: string): ActionsBlock => ({
  type: 'actions',
  ...(blockId === undefined ? {} : { block_id: blockId }),
  elements: elements.slice(0, 25),
});

export const button = (text: string, actionId: string, value?: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, LIMITS.button), emoji: true },
  action_id: actionId,
  ...(value === undefined ? {} : { value: value.slice(0, LIMITS.value) }),
  ...(style === undefined ? {} : { style }),
});

export const option = (text: string, value: string): PlainTextOption => ({
  text: { type: 'plain_text', text: truncate(text, LIMITS.option), emoji: true },
  value,
});

export const plain = (text: string, max = 24): PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});

/**
 * A Slack date token: Slack shows it in each reader's own locale and time zone. The fallback (for
 * clients that cannot render tokens) is the plain ISO date.
 */
export const slackDate = (iso: string): string => {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${iso.slice(0, 16)}Z>` : iso;
};
