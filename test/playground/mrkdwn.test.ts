import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMrkdwn } from '../../playground/public/mrkdwn.js';

describe('parseInline', () => {
  it('reads bold, italic, strike and code', () => {
    expect(parseInline('a *b* _c_ ~d~ `e`')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' ' },
      { text: 'd', strike: true },
      { text: ' ' },
      { text: 'e', code: true },
    ]);
  });

  it('nests styles', () => {
    expect(parseInline('*bold _both_*')).toEqual([
      { text: 'bold ', bold: true },
      { text: 'both', bold: true, italic: true },
    ]);
  });

  it('leaves marks inside words literal', () => {
    expect(parseInline('snake_case_name and 2*3*4')).toEqual([{ text: 'snake_case_name and 2*3*4' }]);
  });

  it('works with Chinese punctuation around marks', () => {
    expect(parseInline('类型:*战略合作型*。')).toEqual([
      { text: '类型:' },
      { text: '战略合作型', bold: true },
      { text: '。' },
    ]);
  });

  it('shows entities as the characters and keeps code literal', () => {
    expect(parseInline('a &lt;b&gt; &amp; `*x*`')).toEqual([{ text: 'a <b> & ' }, { text: '*x*', code: true }]);
  });

  it('reads links, user and channel mentions', () => {
    expect(parseInline('<https://x.test/a?b=1|docs> <@U1> <#C9|team> <!here>')).toEqual([
      { link: 'https://x.test/a?b=1', text: 'docs' },
      { text: ' ' },
      { mention: { kind: 'user', id: 'U1', label: undefined }, text: '@U1' },
      { text: ' ' },
      { mention: { kind: 'channel', id: 'C9', label: 'team' }, text: 'team' },
      { text: ' ' },
      { mention: { kind: 'special', id: 'here', label: undefined }, text: '@here' },
    ]);
  });

  it('reads Slack date tokens with their fallback', () => {
    expect(parseInline('at <!date^1700000000^{date_short_pretty} {time}|2023-11-14T22:13Z>')).toEqual([
      { text: 'at ' },
      { date: 1700000000, text: '2023-11-14T22:13Z' },
    ]);
  });

  it('refuses script links and keeps them as text', () => {
    const spans = parseInline('<javascript:alert(1)|click>');
    expect(spans.some((s) => s.link !== undefined)).toBe(false);
    expect(spans.map((s) => s.text).join('')).toBe('<javascript:alert(1)|click>');
  });
});

describe('parseMrkdwn', () => {
  it('splits lines, quotes (as Slack escapes them) and fenced code', () => {
    expect(parseMrkdwn('one\n&gt; quoted *x*\n```\nlet a = 1 < 2;\n```\nlast')).toEqual([
      { kind: 'line', spans: [{ text: 'one' }] },
      { kind: 'quote', spans: [{ text: 'quoted ' }, { text: 'x', bold: true }] },
      { kind: 'pre', text: 'let a = 1 < 2;' },
      { kind: 'line', spans: [{ text: 'last' }] },
    ]);
  });

  it('treats non-strings as empty text', () => {
    expect(parseMrkdwn(undefined)).toEqual([{ kind: 'line', spans: [] }]);
  });

  it('never loses or invents plain characters', () => {
    // Text without any markup characters must come back unchanged, whatever the script.
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[*_~`<>&\n]/.test(s)),
        (s) => {
          const blocks = parseMrkdwn(s);
          const text = blocks.flatMap((b) => (b.kind === 'pre' ? [b.text] : b.spans.map((sp) => sp.text))).join('');
          expect(text).toBe(s);
        },
      ),
    );
  });
});
