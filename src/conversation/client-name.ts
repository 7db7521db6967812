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

export const guessClientName = (text: string): string | null => {
  for (const pattern of [LABELLED, QUOTED, CHINESE_COMPANY, LATIN_COMPANY]) {
    const match = pattern.exec(text);
    const name = match?.[1]?.trim();
    if (name && name.length >= 2) return name.slice(0, 80);
  }
  return null;
};
