// @ts-check
// Slack mrkdwn -> a small tree of plain data. Pure (no DOM), so vitest tests it in node and the
// page turns it into elements with textContent only: data is never parsed as HTML.

/** @typedef {import('../page-types.js').MrkdwnSpan} MrkdwnSpan */
/** @typedef {import('../page-types.js').MrkdwnBlock} MrkdwnBlock */
/** @typedef {import('../page-types.js').MrkdwnStyle} MrkdwnStyle */

/** @type {Record<string, string>} */
const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * Slack escapes <, > and & in text; show the characters the author typed.
 * @param {string} text
 * @returns {string}
 */
export const decodeEntities = (text) => text.replace(/&(lt|gt|amp);/g, (m) => ENTITIES[m] ?? m);

// Bold, italic and strike only open at a word boundary and close before one, as in Slack,
// so "snake_case_name" or "2*3*4" stay literal.
/** @type {Record<string, MrkdwnStyle>} */
const STYLE_MARKS = { '*': 'bold', _: 'italic', '~': 'strike' };

/** @param {string | undefined} ch */
const isBoundary = (ch) => ch === undefined || /[\s.,;:!?()[\]"'“”‘’，。；：！？、（）]/.test(ch);

/**
 * Parses one line of inline mrkdwn into spans `{ text, bold?, italic?, strike?, code?, link?, mention?, date? }`.
 * `link` is a URL (only http, https and mailto survive), `mention` is `{ kind: 'user' | 'channel' | 'special', id, label? }`,
 * `date` is a Slack date token's epoch seconds.
 * @param {string} line
 * @param {Partial<Record<MrkdwnStyle, boolean>>} [styles]
 * @returns {MrkdwnSpan[]}
 */
export const parseInline = (line, styles = {}) => {
  /** @type {MrkdwnSpan[]} */
  const spans = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') spans.push({ ...styles, text: decodeEntities(plain) });
    plain = '';
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (ch === '`') {
      const close = line.indexOf('`', i + 1);
      if (close > i + 1) {
        flush();
        spans.push({ ...styles, code: true, text: decodeEntities(line.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }
    if (ch === '<') {
      const close = line.indexOf('>', i + 1);
      if (close > i + 1) {
        const token = parseAngle(line.slice(i + 1, close));
        if (token) {
          flush();
          spans.push({ ...styles, ...token });
          i = close + 1;
          continue;
        }
      }
    }
    const style = STYLE_MARKS[ch];
    if (style && !styles[style] && isBoundary(line[i - 1]) && line[i + 1] !== undefined && line[i + 1] !== ' ') {
      const close = findClosing(line, ch, i + 1);
      if (close > i + 1) {
        flush();
        spans.push(...parseInline(line.slice(i + 1, close), { ...styles, [style]: true }));
        i = close + 1;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  flush();
  return spans;
};

/**
 * @param {string} line
 * @param {string} mark
 * @param {number} from
 */
const findClosing = (line, mark, from) => {
  for (let j = from; j < line.length; j += 1) {
    if (line[j] === mark && line[j - 1] !== ' ' && isBoundary(line[j + 1])) return j;
  }
  return -1;
};

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/**
 * A <…> token: a mention, a date, a safe link, or null when it is none of these.
 * @param {string} inner
 * @returns {Omit<MrkdwnSpan, MrkdwnStyle | 'code'> | null}
 */
const parseAngle = (inner) => {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? decodeEntities(inner.slice(bar + 1)) : undefined;
  if (target.startsWith('@')) return { mention: { kind: 'user', id: target.slice(1), label }, text: label ?? target };
  if (target.startsWith('#'))
    return { mention: { kind: 'channel', id: target.slice(1), label }, text: label ?? target };
  if (target.startsWith('!date^')) {
    // <!date^SECONDS^{format}|fallback>: the page shows it in the reader's time zone.
    const seconds = Number(target.split('^')[1]);
    if (Number.isFinite(seconds)) return { date: seconds, text: label ?? '' };
  }
  if (target.startsWith('!')) {
    const id = target.slice(1).split('^')[0] ?? '';
    return { mention: { kind: 'special', id, label }, text: label ?? `@${id}` };
  }
  const url = decodeEntities(target);
  if (SAFE_URL.test(url)) return { link: url, text: label ?? url };
  return null;
};

/**
 * Parses a mrkdwn string into blocks: `{ kind: 'line' | 'quote', spans }` and `{ kind: 'pre', text }`.
 * Quotes are lines starting with "> " (or "&gt; " as Slack sends them); ``` fences make preformatted blocks.
 * @param {unknown} source
 * @returns {MrkdwnBlock[]}
 */
export const parseMrkdwn = (source) => {
  const text = typeof source === 'string' ? source : '';
  /** @type {MrkdwnBlock[]} */
  const blocks = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trimStart().startsWith('```')) {
      const first = line.trimStart().slice(3);
      let closed = first.includes('```');
      const collected = [closed ? first.slice(0, first.indexOf('```')) : first];
      i += 1;
      while (!closed && i < lines.length) {
        const next = lines[i] ?? '';
        const end = next.indexOf('```');
        if (end >= 0) {
          collected.push(next.slice(0, end));
          closed = true;
        } else collected.push(next);
        i += 1;
      }
      blocks.push({ kind: 'pre', text: decodeEntities(collected.join('\n').replace(/^\n|\n$/g, '')) });
      continue;
    }
    const quote = /^(>|&gt;) ?/.exec(line);
    if (quote) blocks.push({ kind: 'quote', spans: parseInline(line.slice(quote[0].length)) });
    else blocks.push({ kind: 'line', spans: parseInline(line) });
    i += 1;
  }
  return blocks;
};
