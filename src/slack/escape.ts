/**
 * Slack text safety. Every string that came from a user or a model goes through
 * {@link escapeSlack} before it lands in mrkdwn or plain text, so nobody can inject
 * `<!channel>`, `<@U…>` mentions or `<https://…|links>` through a client description.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * The text a person typed, from the form Slack sends it in (`AT&amp;T`): the three entities are
 * decoded in one pass, so `&amp;lt;` becomes `&lt;` and not `<`. Inside Quadrant text is plain;
 * {@link escapeSlack} encodes it once again on the way out.
 */
export const unescapeSlack = (text: string): string =>
  text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);

/** Escapes the three characters Slack treats as control sequences in message text. */
export const escapeSlack = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Shortens text to at most `max` characters (code points), ending with "…" when cut. Never
 * splits a surrogate pair, and never leaves half an escape entity (`&am…`) behind.
 */
export const truncate = (text: string, max: number): string => {
  const chars = [...text];
  if (chars.length <= max) return text;
  let cut = chars.slice(0, Math.max(0, max - 1)).join('');
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
};

/** Escape, then truncate: the usual path for user or model text going into a block. */
export const safeText = (text: string, max: number): string => truncate(escapeSlack(text), max);

/**
 * Slack's mrkdwn has no escape for `*`, `_`, `~` and the backtick, so in quoted user or model text
 * each is shown as a look-alike that formats nothing: `*bold*` in a description stays `∗bold∗`,
 * never bold. The card's own formatting is untouched.
 */
const MARKS: Record<string, string> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };
export const neutralizeMarks = (text: string): string => text.replace(/[*_~`]/g, (mark) => MARKS[mark] ?? mark);

/** Text quoted from a person or a model: escaped, formatting marks neutralized, then truncated. */
export const quoteText = (text: string, max: number): string => truncate(neutralizeMarks(escapeSlack(text)), max);

/** Collapses whitespace so a quoted span stays on one line inside a bullet. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
