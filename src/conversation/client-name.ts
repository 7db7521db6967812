/**
 * Finds a client's name in a free-text description when the LLM did not extract one: an
 * explicit label ("客户:", "Client:"), a quoted name, or a company name with a legal-form
 * suffix. Returns null rather than guessing wildly.
 */
const LABELLED = /(?:客户(?:名称)?|公司|client|company|borrower|customer)\s*[:：]\s*([^\n,，。;；.]{2,60})/i;
// The name may not hold another opening quote, so a run of openers fails at once from each start.
const QUOTED = /[“"「『]([^“”"「」『』\n]{2,60})[”"」』]/;
const CHINESE_COMPANY =
  /([\p{Script=Han}A-Za-z0-9（）()]{2,30}?(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司|银行|电力|能源|控股))/u;
// Starts only where a run of name characters starts (not at every "\b" inside "C.C.C…"), so
// each run is scanned once and the search stays linear.
const LATIN_COMPANY =
  /(?<![\w&.-])((?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*\s+(?:Co\.?,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|Group|LLC|PLC|Holdings|Energy|Power|Bank))/;

const SUFFIX_AFTER = /^(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司|控股)/u;

/** "华能电力" + "集团有限公司": the shortest match stops at the first suffix; take the rest too. */
const extendSuffix = (name: string, rest: string): string => {
  let extended = name;
  let remaining = rest;
  for (let more = SUFFIX_AFTER.exec(remaining); more; more = SUFFIX_AFTER.exec(remaining)) {
    extended += more[0];
    remaining = remaining.slice(more[0].length);
  }
  return extended;
};

const ANY_SUFFIX = /集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司|银行|电力|能源|控股/gu;
const NAME_REACH = 30;

/**
 * The first Chinese company name, as CHINESE_COMPANY would find it in the whole text, but run
 * only on a short window before each suffix: the name is at most 30 characters, so a long paste
 * without a suffix costs one linear scan instead of 30 steps per character.
 */
const findChineseCompany = (text: string): string | null => {
  ANY_SUFFIX.lastIndex = 0;
  for (let suffix = ANY_SUFFIX.exec(text); suffix; suffix = ANY_SUFFIX.exec(text)) {
    const from = Math.max(0, suffix.index - NAME_REACH);
    const window = text.slice(from, suffix.index + suffix[0].length);
    const match = CHINESE_COMPANY.exec(window);
    if (match) return extendSuffix(match[1] ?? '', text.slice(from + match.index + match[0].length));
  }
  return null;
};

/** Capitalized sentence starters the Latin pattern would otherwise take as part of a name. */
const SENTENCE_STARTERS = /^(?:(?:met|meeting|with|the|our|we|today|yesterday|visited|called|client|about)\s+)+/i;

export const guessClientName = (text: string): string | null => {
  for (const pattern of [LABELLED, QUOTED, CHINESE_COMPANY, LATIN_COMPANY]) {
    const raw = pattern === CHINESE_COMPANY ? findChineseCompany(text) : (pattern.exec(text)?.[1] ?? null);
    if (raw === null) continue;
    const name = raw.trim().replace(pattern === LATIN_COMPANY ? SENTENCE_STARTERS : /^$/, '');
    if (name && name.length >= 2) return name.slice(0, 80);
  }
  return null;
};
