import { parseTypeName } from '../domain/playbook.js';
import type { RelationshipType } from '../domain/types.js';
import { guessClientName } from './client-name.js';
import { trimChars } from './trim.js';

/**
 * What an RM wants from one message, decided before anything is classified:
 * - `greeting`: hello or "how does this work" → the welcome;
 * - `playbook`: a question about a type, a strategy or a practice → the `/playbook` answer;
 * - `history`: "what did we decide on X" → the `/client X` timeline;
 * - `description`: facts about a client → the intake (follow-ups, card);
 * - `unclear`: too little to tell → one question with buttons.
 */
export type Intent =
  | { kind: 'greeting' }
  | { kind: 'playbook'; type: RelationshipType | null; topic: string }
  | { kind: 'history'; clientName: string }
  | { kind: 'description' }
  | { kind: 'unclear' };

/** What the router needs to know besides the text. */
export type IntentContext = {
  /** The thread already holds a client description (a follow-up answer continues it). */
  describing: boolean;
  /** Positive-weight rule signals found in the text (a fact about a client). */
  signalCount: number;
};

/** Input longer than this is never a greeting, a question about the playbook or history. */
const SHORT_MESSAGE = 160;

const GREETING =
  /^(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening)|help|start|menu|你好|您好|嗨|哈喽|哈啰|早上好|下午好|晚上好|在吗|帮助|开始)(?:\s*(?:there|quadrant|team|all|呀|啊|哦))?$/iu;
const HELP_QUESTION =
  /^(?:how (?:do|does|can|should) (?:i|we|you|this|it) (?:use|work|start)(?: (?:this|it|you|quadrant))?|what (?:can|do|does) (?:you|quadrant|this(?: bot)?) do|what is (?:this|quadrant)|who are you|how to use(?: this| quadrant| you)?|怎么用|如何使用|怎么使用|你能做什么|你会做什么|你是谁|这是什么|使用说明|有什么功能|能帮我做什么)(?:\s*(?:quadrant|呢|啊|呀))?$/iu;

/** "what did we decide on X", "history of X", "X 的历史", "之前对 X 的决策". */
/** The opening words of an English history question; the client after them is read in code (`englishHistorySubject`). */
const HISTORY_EN_OPENER =
  /^(?:what did (?:we|i|the team|you) (?:decide|log|record|conclude|classify)(?: (?:on|about|for))?|(?:show|give|get)(?: me)?(?: the)? (?:decision )?(?:history|decisions|timeline|record)(?: (?:of|for|on))?|(?:decision )?(?:history|timeline)(?: (?:of|for|on))|what (?:type|kind) (?:is|was)(?: client)?)\s+/iu;
const POSSESSIVE_TAIL = /'s (?:history|type)$/iu;
/** "what type is …" asks about a client only when a name follows, not a type or a described client. */
const ASKS_WHAT_TYPE = /^what (?:type|kind) /iu;
/** A subject opened by an article or a pronoun describes a client ("the one that missed a payment"); it does not name one. */
const DESCRIBED_NOT_NAMED = /^(?:a|an|the|this|that|these|those|my|our|your|his|her|their|some|any|which|what)\s/iu;
const HISTORY_ZH_BEFORE =
  /^(?:对|给)?([^的]{2,40})的?(?:历史记录|历史决策|历史|决策记录|决策历史|记录|之前是怎么定的|之前怎么定的|是怎么定的|怎么定的|怎么判的|怎么分类的|之前是什么类型|之前什么类型|以前是什么类型|以前什么类型)$/u;
/** "X 是什么类型": a history question only when X reads as a client's name (not "民营企业"). */
const HISTORY_ZH_TYPE =
  /^([^的是属算,，。]{2,40})(?:现在|目前|之前)?(?:是|属于|算)(?:什么类型|什么类|哪种类型|哪种|哪一类|哪类)(?:的?客户|关系)?$/u;
const HISTORY_ZH_AFTER = /^(?:对|给)([^做定作]{2,40})(?:做|定|作)了?过?(?:什么|哪些)(?:决策|决定|分类|类型)$/u;
/** Words that open a history question in Chinese ("查一下", "我们之前"), stripped before matching. */
const ZH_QUESTION_OPENERS = ['查一下', '查看', '查询', '看一下', '看看', '查', '看', '我们', '之前', '以前'];

const QUESTION_WORD =
  /[?？]\s*$|^(?:how|what|which|why|when|should|can|could|do|does|is|are)\b|怎么|如何|怎样|应该|什么|哪些|哪种|是否|吗\s*$|呢\s*$/iu;
const PLAYBOOK_TOPIC =
  /playbook|strateg(?:y|ies)|practices?|打法|手册|策略|做法|维护|管理|keep|handle|manage|treat|look after|retain/iu;
/** Type names and type words as an RM asks about them (more than `/playbook`'s exact aliases). */
const TYPE_WORDS: Array<[RegExp, RelationshipType]> = [
  [/strategic|战略/iu, 'strategic'],
  [/transactional|交易型|交易类/iu, 'transactional'],
  [/partnership|partner|伙伴/iu, 'partnership'],
  [/problem[\s_-]?solving|distress|bail-?out|restructur|workout|纾困|问题解决|困境|重组/iu, 'problem_solving'],
];

/** Words that say the message is about a client, even when it carries no fact yet. */
const CLIENT_NOUN =
  /client|customer|borrower|company|companies|group|firm|developer|manufacturer|sponsor|客户|公司|企业|集团|借款人|平台|项目/iu;

const isFewWords = (text: string): boolean => {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w) && !/\p{Script=Han}/u.test(w)).length;
  return han <= 6 && words <= 3;
};

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();
const withoutEndPunctuation = (text: string) => trimChars(text, ' !！.。?？~～,，', { start: false });

const typeMentioned = (text: string): RelationshipType | null => {
  const exact = parseTypeName(text);
  if (exact) return exact;
  return TYPE_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
};

const withoutOpeners = (text: string): string => {
  let rest = text;
  for (let opener = ZH_QUESTION_OPENERS.find((o) => rest.startsWith(o)); opener; ) {
    rest = rest.slice(opener.length);
    opener = ZH_QUESTION_OPENERS.find((o) => rest.startsWith(o));
  }
  return rest;
};

/**
 * The client of an English history question ("history of X?", "X's history"), 2 to 80 characters.
 * Read in code rather than by one pattern: a lazy capture followed by optional spaces and a "?"
 * before the end gives a backtracking matcher a quadratic worst case.
 */
const englishHistorySubject = (text: string): string | null => {
  const opener = HISTORY_EN_OPENER.exec(text);
  if (opener === null) return null;
  let subject = text.slice(opener[0].length).trimEnd();
  if (subject.endsWith('?')) subject = subject.slice(0, -1).trimEnd();
  subject = subject.replace(POSSESSIVE_TAIL, '');
  return subject.length >= 2 && subject.length <= 80 ? subject : null;
};

const historyQuestion = (text: string): string | null => {
  const zh = withoutOpeners(withoutEndPunctuation(text));
  const namedType = HISTORY_ZH_TYPE.exec(zh)?.[1];
  const subject =
    englishHistorySubject(text) ??
    (namedType && guessClientName(namedType) ? namedType : undefined) ??
    (HISTORY_ZH_AFTER.exec(zh) ?? HISTORY_ZH_BEFORE.exec(zh))?.[1];
  const raw = subject?.trim().replace(/^(?:client|客户)\s*[:：]?\s*/iu, '');
  if (!raw || DESCRIBED_NOT_NAMED.test(raw)) return null;
  // "what did we decide" on a type or the playbook, or "what type is strategic", is not a client's history.
  if (typeMentioned(raw) && (PLAYBOOK_TOPIC.test(raw) || ASKS_WHAT_TYPE.test(text))) return null;
  return guessClientName(raw) ?? withoutEndPunctuation(raw);
};

/**
 * Routes one message by rules in both languages. General cues, not known sentences: a short
 * message that is only a greeting or a help question; a history question with a client; a
 * question about a type or the playbook that carries no fact about a client. A message with
 * client facts stays a description even when it mentions the playbook in passing.
 */
export const routeIntent = (rawText: string, context: IntentContext): Intent => {
  const text = squash(rawText);
  if (text === '') return { kind: 'description' };
  const short = text.length <= SHORT_MESSAGE;
  const bare = withoutEndPunctuation(text);
  if (short && (GREETING.test(bare) || HELP_QUESTION.test(bare))) return { kind: 'greeting' };
  if (short) {
    const client = historyQuestion(text);
    if (client) return { kind: 'history', clientName: client };
  }
  const type = typeMentioned(text);
  const named = guessClientName(text) !== null;
  // A type word matches its own lexicon entry ("纾困"), so one signal is the question's topic.
  const facts = context.signalCount - (type ? 1 : 0);
  const asksAboutPlaybook = (type !== null || PLAYBOOK_TOPIC.test(text)) && QUESTION_WORD.test(text);
  if (short && asksAboutPlaybook && facts <= 0 && !named) return { kind: 'playbook', type, topic: bare };
  if (short && type !== null && facts <= 0 && !named && !context.describing && bare.length <= 12)
    return { kind: 'playbook', type, topic: bare };
  if (context.describing || context.signalCount > 0 || named || CLIENT_NOUN.test(text)) return { kind: 'description' };
  // A few words with no fact and no client in them ("ok", "test", "好的") are not worth a card.
  return isFewWords(bare) ? { kind: 'unclear' } : { kind: 'description' };
};
