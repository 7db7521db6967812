/**
 * Finds a client's name in a free-text description when the LLM did not extract one, in Chinese
 * and English: an explicit label ("客户:", "Client:", "client X"), a quoted name, a legal or
 * short name with its suffix (集团, 有限公司, Co., Ltd., Group, Holdings), or an anonymized form
 * (某城投平台, 华东某城投平台, "a provincial grid company"). Returns null rather than guessing:
 * a verb phrase ("正在与多家银行") is never a name. Every pattern is bounded, so the scan stays
 * linear on hostile input.
 */

import { CHINESE_LEGAL_SUFFIXES } from '../domain/client-id.js';
import { trimChars } from './trim.js';

export type ExtractedName = {
  name: string;
  /** "某城投平台", "a provincial grid company": describes a client without identifying it. */
  anonymized: boolean;
};

const MAX_SCAN = 4_000;
const MAX_NAME = 80;

/**
 * Words that end a company's name: the legal forms client ids drop, then industry words. In the
 * alternation below a longer word starting with the same character still comes first.
 */
const CJK_SUFFIXES = [
  ...CHINESE_LEGAL_SUFFIXES,
  '控股集团',
  '控股',
  '银行',
  '电力',
  '能源',
  '电网',
  '实业',
  '置业',
  '置地',
  '地产',
  '科技',
  '城投',
  '交投',
  '建工',
  '药业',
  '化工',
  '钢铁',
  '港务',
];
const SUFFIX_ALTERNATION = CJK_SUFFIXES.join('|');
const CJK_SUFFIX = new RegExp(`(?:${SUFFIX_ALTERNATION})`, 'gu');
const SUFFIX_AT_START = new RegExp(`^(?:${SUFFIX_ALTERNATION})`, 'u');
const SUFFIX_WHOLE = new RegExp(`^(?:${SUFFIX_ALTERNATION})+$`, 'u');

/** Characters a Chinese name never spans: function words, pronouns and measure words. */
const CJK_STOP = new Set(
  '与和跟向对在是为给从把被由及或的了着过家个些这那该其我你他她它们要想将已并而但又也都就还很更最让使请说问找见去做搞签谈约'.split(
    '',
  ),
);
/** Two-character verbs and time words a name never spans ("正在与…", "拜访了…"). */
const CJK_STOP_WORDS = new Set(
  '拜访 联系 接触 出现 协商 合作 希望 需要 申请 面临 存在 属于 作为 位于 表示 认为 计划 准备 打算 正在 已经 目前 今天 昨天 近期 最近 见了 走访'.split(
    ' ',
  ),
);
/** Words that open a sentence or describe rather than name ("新客户", "国有", "大型"). */
const CJK_LEADING =
  /^(?:客户|今天|昨天|近期|最近|目前|现在|今年|去年|本月|上月|新|老|一|二|三|多|几|各|某些|其他|另一|另)+/u;
const CJK_GENERIC_BODY =
  /^(?:国有|国营|民营|私营|地方|省级|市级|县级|区级|大型|中型|小型|中小|上市|外资|合资|家族|头部|龙头|知名|本地|当地|一些|部分|所有|全部|相关|上述|下属|子|母|总|分|我|贵|本|该|此|其)*$/u;
const CJK_NAME_CHAR = /[\p{Script=Han}A-Za-z0-9（）()·&]/u;

/** Walks left from a suffix over name characters, stopping at a function word or punctuation. */
const nameStart = (text: string, suffixStart: number): number => {
  let start = suffixStart;
  while (start > 0 && suffixStart - start < 16) {
    const ch = text[start - 1] ?? '';
    if (!CJK_NAME_CHAR.test(ch) || CJK_STOP.has(ch) || CJK_STOP_WORDS.has(text.slice(start - 2, start))) break;
    start -= 1;
  }
  return start;
};

/** The longest run of suffixes from `at`: "华能电力" + "集团有限公司". */
const suffixRun = (text: string, at: number): string => {
  let run = '';
  for (let rest = text.slice(at, at + 40), m = SUFFIX_AT_START.exec(rest); m; m = SUFFIX_AT_START.exec(rest)) {
    run += m[0];
    rest = rest.slice(m[0].length);
  }
  return run;
};

/** The last suffix of a run ("能源集团" → "集团"): what is left before it must name someone. */
const lastSuffix = (run: string): string => {
  for (let i = 1; i < run.length; i += 1) if (SUFFIX_WHOLE.test(run.slice(i))) return run.slice(i);
  return run;
};

/** A candidate name ending in a suffix run, or null when what precedes the last suffix is generic. */
const candidateAt = (text: string, at: number): { start: number; name: string } | null => {
  const run = suffixRun(text, at);
  const start = nameStart(text, at);
  const leading = CJK_LEADING.exec(text.slice(start, at))?.[0].length ?? 0;
  const name = text.slice(start + leading, at) + run;
  const core = name.slice(0, name.length - lastSuffix(run).length);
  if (core.length < 2 || CJK_GENERIC_BODY.test(core) || /^[A-Za-z0-9]{1,3}$/.test(core)) return null;
  return { start: start + leading, name };
};

/** The earliest name in the text, and of those the longest ("宁德时代新能源科技股份有限公司", not "宁德时代新能源"). */
const chineseLegalName = (text: string): string | null => {
  let best: { start: number; name: string } | null = null;
  CJK_SUFFIX.lastIndex = 0;
  for (let m = CJK_SUFFIX.exec(text); m; m = CJK_SUFFIX.exec(text)) {
    const found = candidateAt(text, m.index);
    if (
      found &&
      (!best || found.start < best.start || (found.start === best.start && found.name.length > best.name.length))
    )
      best = found;
    if (best && m.index > best.start + 40) break;
  }
  return best?.name ?? null;
};

/** "华东某城投平台", "某省属能源集团": an optional region, 某, and an organisation noun. */
const CJK_ANONYMIZED =
  /((?:[\p{Script=Han}]{1,4}?(?:省|市|县|区|东|西|南|北|中|部))?某(?:[\p{Script=Han}]{0,8}?)(?:城投平台|投资平台|融资平台|平台|集团|公司|企业|国企|央企|民企|电网|电厂|电站|银行|开发商|制造商|厂|医院|大学|园区|城投|机构|项目|客户))/u;

const EN_ANONYMIZED =
  /\b((?:an?|one)\s+(?:(?:large|big|small|mid-?sized?|medium-?sized?|provincial|municipal|regional|local|state-?owned|private|privately-?owned|listed|family-?owned|foreign|national|city|county|leading|major|rural|coastal)\s+){1,3}(?:[a-z][a-z-]{1,20}\s+){0,2}(?:company|group|utility|developer|platform|firm|operator|manufacturer|producer|bank|lgfv|soe|enterprise|corporation|conglomerate|miner|builder|contractor))\b/iu;

const LATIN_LEGAL =
  /(?<![\w&'.-])((?:[A-Z][\w&'-]{0,30}\.? (?:(?:of|and|&) )?){0,5}[A-Z][\w&'-]{0,30} ?(?:Co\.?,?\s*Ltd\.?|Company Limited|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|Group|LLC|PLC|Holdings?|Energy|Power|Bank|Utilities|Investment))(?![\w])/u;

/** Capitalized sentence words the Latin pattern would otherwise take as part of a name. */
const EN_LEADING =
  /^(?:(?:Met|Meeting|Meet|With|The|Our|We|Today|Yesterday|Visited|Visit|Called|Client|Customer|About|New|Old|Existing|A|An|This|That|Its|Their|Per|For|From|And|But|At|On|In)\s+)+/u;
const NOT_A_NAME = /^(?:A{1,3}[+-]?|BBB?[+-]?|SOE|LGFV|SME|FX|RM|The|Our|We|It|They|He|She|This|That|Is|Was|Has)$/u;

const LABELLED =
  /(?:客户(?:名称|名)?|借款人|公司名称|client(?: name)?|company|borrower|customer)\s*[:：]\s*([^\n,，。;；.！？]{1,60}(?:\.,?\s*Ltd\.?)?)/iu;
// The name may not hold another opening quote, so a run of openers fails at once from each start.
const QUOTED = /[“"「『]([^“”"「」『』\n]{2,60})[”"」』]/u;
const CLIENT_WORD =
  /\b(?:[Cc]lient|[Cc]ustomer|[Bb]orrower)\s+(?:named\s+|called\s+)?([A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|&|of|and)){0,5})/u;

/** "Co., Ltd." and "Inc." keep their final period; other trailing punctuation goes. */
const clean = (name: string): string => {
  const squashed = trimChars(name.replace(/\s+/g, ' '), ' ,，:：\'"“”。');
  const trimmed = /\b(?:Ltd|Inc|Co|Corp)\.$/u.test(squashed) ? squashed : trimChars(squashed, '.', { start: false });
  return trimmed.slice(0, MAX_NAME);
};

const latinName = (raw: string): string | null => {
  const name = clean(raw.replace(EN_LEADING, ''));
  const first = name.split(' ')[0] ?? '';
  if (name.length < 2 || NOT_A_NAME.test(first) || /-rated$/i.test(first)) return null;
  return name;
};

const labelled = (text: string): string | null => {
  const value = LABELLED.exec(text)?.[1];
  if (!value) return null;
  const rest = clean(value);
  return rest.length >= 2 ? rest : null;
};

/** The client's name in `text`, with whether it is an anonymized description; null when there is none. */
export const extractClientName = (input: string): ExtractedName | null => {
  const text = input.normalize('NFKC').slice(0, MAX_SCAN);
  const label = labelled(text);
  if (label) return { name: label, anonymized: /某|^an?\s/iu.test(label) };
  const quoted = QUOTED.exec(text)?.[1];
  if (quoted && clean(quoted).length >= 2) return { name: clean(quoted), anonymized: false };
  const anonymous = CJK_ANONYMIZED.exec(text)?.[1];
  if (anonymous) return { name: anonymous, anonymized: true };
  const chinese = chineseLegalName(text);
  if (chinese) return { name: chinese, anonymized: false };
  const legal = LATIN_LEGAL.exec(text)?.[1];
  const legalName = legal ? latinName(legal) : null;
  if (legalName) return { name: legalName, anonymized: false };
  const afterWord = CLIENT_WORD.exec(text)?.[1];
  const wordName = afterWord ? latinName(afterWord) : null;
  if (wordName) return { name: wordName, anonymized: false };
  const english = EN_ANONYMIZED.exec(text)?.[1];
  if (english) return { name: english.replace(/\s+/g, ' ').toLowerCase(), anonymized: true };
  return null;
};

/** The name alone, for callers that do not care whether it identifies the client. */
export const guessClientName = (text: string): string | null => extractClientName(text)?.name ?? null;
