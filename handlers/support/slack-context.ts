import type { webApi } from '@slack/bolt';
import { stripInvisible } from '../../src/domain/text/normalize.js';
import { unescapeSlack } from '../../src/slack/escape.js';
import type { Visibility } from '../../src/store/ports.js';
import { defaultVisibility } from '../../src/store/visibility.js';

/** Every post turns unfurls off: a description must never expand into a link preview. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** One conversation per Slack thread; the team keeps workspaces apart when the store is shared. */
export const threadKeyOf = (teamId: string, channel: string, threadTs: string): string =>
  `${teamId}:${channel}:${threadTs}`;

export const isDirectMessage = (channel: string): boolean => channel.startsWith('D');

/**
 * Decisions made in a DM or a private channel are private to their author; elsewhere the team
 * may see them. Unknown (the lookup failed) counts as private: the safe side.
 */
export const visibilityOf = async (client: webApi.WebClient, channel: string | null): Promise<Visibility> => {
  if (channel === null || defaultVisibility({ id: channel }) === 'private') return 'private';
  try {
    const info = (await client.conversations.info({ channel })).channel;
    return defaultVisibility({ id: channel, isPrivate: info?.is_private, isIm: info?.is_im, isMpim: info?.is_mpim });
  } catch {
    return 'private';
  }
};

/** A text in the form Slack sends it (mentions like `<@UBOT>` included) minus our own mention. */
export const stripBotMention = (text: string, botUserId: string | undefined): string =>
  (botUserId ? text.replaceAll(`<@${botUserId}>`, '') : text.replace(/^\s*<@[UW][A-Z0-9]+>/, '')).trim();

/**
 * Text from a Slack message, command or shortcut as the person typed it: entities decoded once,
 * invisible and bidi characters removed, before it reaches names, ids or the store.
 */
export const fromSlack = (text: string): string => stripInvisible(unescapeSlack(text));

/** JSON.parse that returns null instead of throwing on hostile or truncated input. */
export const parseJsonOrNull = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
};
