/**
 * Client identity: RMs write the same client many ways ("中国石化集团有限公司", "中国石化",
 * "ＣＮＰＣ Co., Ltd.", "cnpc"). History and supersedes chains are keyed on one normalized id.
 */
import { stripInvisible } from './text/normalize.js';

/** Legal-form suffixes that do not distinguish one client from another; longest first. */
export const CHINESE_LEGAL_SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '控股有限公司',
  '有限公司',
  '集团公司',
  '集团',
  '公司',
];

const LATIN_SUFFIXES = [
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'group',
  'llc',
  'plc',
];

const CJK = '\\p{Script=Han}';
const SPACE_NEXT_TO_CJK = new RegExp(`\\s+(?=${CJK})|(?<=${CJK})\\s+`, 'gu');

const stripOneSuffix = (name: string): string => {
  for (const suffix of CHINESE_LEGAL_SUFFIXES) {
    // A name that is only a legal form ("有限公司") is kept whole, not cut down to "有限".
    if (name === suffix) return name;
    if (name.endsWith(suffix)) return name.slice(0, -suffix.length).trim();
  }
  const words = name.split(' ');
  const last = words.at(-1);
  if (words.length > 1 && last !== undefined && LATIN_SUFFIXES.includes(last)) return words.slice(0, -1).join(' ');
  return name;
};

/**
 * Normalizes a client name into a stable id: invisible and bidi characters removed, Unicode NFKC (full-width to half-width), lower case,
 * punctuation dropped, whitespace collapsed (and removed next to Chinese characters), and common
 * legal-form suffixes (有限公司, 集团, Co., Ltd., Inc., …) stripped. Never strips a name to nothing:
 * "集团" alone stays "集团". Returns "" only for input with no letters or digits.
 */
export const normalizeClientId = (name: string): string => {
  let id = stripInvisible(name)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,;:'"`()[\]{}<>!?·、，。；：！？（）【】《》“”‘’]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(SPACE_NEXT_TO_CJK, '')
    .trim();
  for (let previous = ''; previous !== id; ) {
    previous = id;
    id = stripOneSuffix(id);
  }
  return /[\p{L}\p{N}]/u.test(id) ? id : '';
};
