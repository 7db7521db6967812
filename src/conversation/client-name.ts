/**
 * Finds a client's name in a free-text description when the LLM did not extract one: an
 * explicit label ("客户:", "Client:"), a quoted name, or a company name with a legal-form
 * suffix. Returns null rather than guessing wildly.
 */
const LABELLED = /(?:客户(?:名称)?|公司|client|company|borrower|customer)\s*[:：]\s*([^\n,，。;；.]{2,60})/i;
const QUOTED = /[“"「『]([^”"」』\n]{2,60})[”"」』]/;
const CHINESE_COMPANY =
  /([\p{Script=Han}A-Za-z0-9（）()]{2,30}?(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司|银行|电力|能源|控股))/u;
const LATIN_COMPANY =
  /\b((?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*\s+(?:Co\.?,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|Group|LLC|PLC|Holdings|Energy|Power|Bank))/;

const SUFFIX_AFTER = /^(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司|控股)/u;

/** "华能电力" + "集团有限公司": the shortest match stops at the first suffix; take the rest too. */
const extendSuffix = (text: string, match: RegExpExecArray): string => {
  let name = match[1] ?? '';
  let rest = text.slice(match.index + match[0].length);
  for (let more = SUFFIX_AFTER.exec(rest); more; more = SUFFIX_AFTER.exec(rest)) {
    name += more[0];
    rest = rest.slice(more[0].length);
  }
  return name;
};

/** Capitalized sentence starters the Latin pattern would otherwise take as part of a name. */
const SENTENCE_STARTERS = /^(?:(?:met|meeting|with|the|our|we|today|yesterday|visited|called|client|about)\s+)+/i;

export const guessClientName = (text: string): string | null => {
  for (const pattern of [LABELLED, QUOTED, CHINESE_COMPANY, LATIN_COMPANY]) {
    const match = pattern.exec(text);
    if (!match) continue;
    const raw = pattern === CHINESE_COMPANY ? extendSuffix(text, match) : (match[1] ?? '');
    const name = raw.trim().replace(pattern === LATIN_COMPANY ? SENTENCE_STARTERS : /^$/, '');
    if (name && name.length >= 2) return name.slice(0, 80);
  }
  return null;
};
