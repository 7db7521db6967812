import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidResidentId18, isValidUscc, passesLuhn, redact, redactPersonalData } from '../../src/domain/redact.js';
import { cleanText, normalizeText } from '../../src/domain/text/normalize.js';

// Independent fixtures: published checksum examples and well-known public codes, not made with our own code.
const ID_18 = '11010519491231002X'; // GB 11643 standard's worked example
const ID_18_B = '440524188001010014';
const USCC = '91110108551385082Q'; // a published enterprise code
const USCC_B = '9144030071526726XG';
const CARD_16 = '4111111111111111'; // the classic Luhn test number
const CARD_19 = '6222021234567890128';

/** GB 11643 check character, written independently of the implementation for the generators. */
const idCheck = (body17: string) => {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '?';
};
const luhnComplete = (body: string) => {
  for (let d = 0; d <= 9; d += 1) if (passesLuhn(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
};

describe('checksums', () => {
  it('accepts published IDs and codes and rejects a changed check character', () => {
    expect(isValidResidentId18(ID_18)).toBe(true);
    expect(isValidResidentId18(ID_18_B)).toBe(true);
    expect(isValidResidentId18('110105194912310021')).toBe(false);
    expect(isValidUscc(USCC)).toBe(true);
    expect(isValidUscc(USCC_B)).toBe(true);
    expect(isValidUscc('91110108551385082R')).toBe(false);
    expect(passesLuhn(CARD_16)).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
});

describe('redactPersonalData', () => {
  it.each([
    [`身份证号${ID_18},请核实`, 'id'],
    [`ID ${ID_18_B.slice(0, 6)} ${ID_18_B.slice(6, 14)} ${ID_18_B.slice(14)}`, 'id'],
    ['旧身份证110105491231002', 'id'],
    [`统一社会信用代码:${USCC}`, 'uscc'],
    [`credit code ${USCC_B.toLowerCase()}`, 'uscc'],
    ['手机13812345678', 'phone'],
    ['call +86 138-1234-5678 today', 'phone'],
    ['电话(+86)13912345678', 'phone'],
    ['电话8613912345678', 'phone'],
    ['0086 139 1234 5678', 'phone'],
    [`卡号${CARD_16}`, 'card'],
    [`card 6222 0212 3456 7890 128`, 'card'],
    [`card ${CARD_19}`, 'card'],
    ['mail zhang.san+rm@bank-of-x.com.cn now', 'email'],
  ] as const)('redacts %s', (input, kind) => {
    const { text, found } = redactPersonalData(input);
    expect(found[kind]).toBe(1);
    expect(text).toContain(`[REDACTED:${kind}]`);
    expect(text.replace(/\[REDACTED:\w+\]/g, '')).not.toMatch(/\d{7,}/);
  });

  it('catches numbers hidden with full-width digits and zero-width characters', () => {
    expect(redact('手机１３８１２３４５６７８')).toBe('手机[REDACTED:phone]');
    expect(redact('手机138\u200B1234\u200D5678')).toBe('手机[REDACTED:phone]');
    expect(redact(`证件${ID_18.slice(0, 9)}\uFEFF${ID_18.slice(9)}`)).toBe('证件[REDACTED:id]');
  });

  it('keeps ordinary figures: amounts, dates, percentages, big sums', () => {
    const figures =
      '授信1,000,000元,另50万;到期2026-11-28;利率12.5%;20000000 RMB;总投资15000000000元;¥13800000000;' +
      'USD 4111111111111111;2026-11-28 2027-01-01;项目编号2026;合同2024-0031;ratio 1.35x; 8.6 bn';
    const { text, found } = redactPersonalData(figures);
    expect(text).toBe(cleanText(figures));
    expect(Object.values(found).every((n) => n === 0)).toBe(true);
  });

  it('redacts several items in one note and counts each kind', () => {
    const note = `客户张三,手机13812345678,邮箱zs@example.com,身份证${ID_18},企业代码${USCC},收款卡${CARD_16}。`;
    const { text, found } = redactPersonalData(note);
    expect(found).toEqual({ email: 1, uscc: 1, id: 1, card: 1, phone: 1 });
    expect(text).toBe(
      '客户张三,手机[REDACTED:phone],邮箱[REDACTED:email],身份证[REDACTED:id],企业代码[REDACTED:uscc],收款卡[REDACTED:card]。',
    );
  });

  it('separates phone numbers listed with a bare comma', () => {
    expect(redact('13812345678,13912345678')).toBe('[REDACTED:phone],[REDACTED:phone]');
  });

  it('property: any checksum-valid 18-digit ID is redacted wherever it sits in Chinese text', () => {
    const body = fc.stringMatching(/^[1-8]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d)\d{3}$/);
    fc.assert(
      fc.property(body, fc.string({ maxLength: 20 }), (b, tail) => {
        const id = `${b}${idCheck(b)}`;
        const out = redact(`客户身份证${id}${tail.replace(/[0-9A-Za-z]/g, '')}`);
        return !out.includes(id) && out.includes('[REDACTED:id]');
      }),
    );
  });

  it('property: Luhn-valid 16–19 digit card numbers are redacted; amounts with units never are', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^62\d{13,16}$/), (body) => {
        const card = luhnComplete(body);
        // An 18-digit card may also pass the ID or USCC checksum; it is then labelled so, but still removed.
        const out = redact(`还款卡 ${card} 。`);
        return !out.includes(card) && /\[REDACTED:(card|id|uscc)\]/.test(out);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 52 }),
        fc.constantFrom('元', '万', '亿', '%', ' RMB', ' USD'),
        (n, unit) => {
          const s = `金额${n}${unit}`;
          return redact(s) === cleanText(s);
        },
      ),
    );
  });

  it('property: never throws and is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (s) => {
        const once = redact(s);
        return redact(once) === once;
      }),
    );
  });
});

describe('cleanText', () => {
  it('applies NFKC and removes zero-width, bidi and control characters', () => {
    expect(cleanText('ＡＢＣ１２３\u200B\u202Eabc\u0007')).toBe('ABC123abc ');
  });
});

describe('one list of invisible characters', () => {
  it('is dropped alike by the redaction form and the matching form of a text', () => {
    const invisible = [
      '\u00AD',
      '\u180E',
      '\u200B',
      '\u200F',
      '\u202A',
      '\u202E',
      '\u2060',
      '\u2064',
      '\u2066',
      '\u206F',
      '\uFEFF',
    ];
    for (const ch of invisible) {
      expect(cleanText(`a${ch}b`)).toBe('ab');
      expect(normalizeText(`A${ch}B`).text).toBe('ab');
    }
  });
});
