import { z } from 'zod';
import { QuadrantError } from './errors.js';
import { DEFAULT_PLAYBOOK } from './playbook-data.js';
import {
  actionSchema,
  characteristicSchema,
  type Playbook,
  type PlaybookAction,
  type Practice,
  playbookSchema,
  practiceSchema,
  type TypeProfile,
  transitionSchema,
} from './playbook-schema.js';
import type { Bilingual, Lang, RelationshipType } from './types.js';

export type { Playbook, PlaybookAction, Practice, TypeProfile } from './playbook-schema.js';

/** A playbook file could not be used; the message names the file, the path inside it and the problem. */
export class PlaybookError extends QuadrantError<'playbook_invalid'> {
  constructor(message: string) {
    super('playbook_invalid', message);
  }
}

/** The built-in playbook from the seed article, validated. */
export const defaultPlaybook = (): Playbook => playbookSchema.parse(DEFAULT_PLAYBOOK);

const bilingualPatch = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** A bank's own file: either a whole playbook, or additions and replacements by id. */
const overrideFileSchema = z.discriminatedUnion('mode', [
  playbookSchema.safeExtend({ mode: z.literal('replace') }),
  z.strictObject({
    mode: z.literal('extend'),
    version: z.string().min(1),
    types: z
      .array(
        z.strictObject({
          id: z.enum(['strategic', 'transactional', 'partnership', 'problem_solving']),
          name: bilingualPatch.optional(),
          definition: bilingualPatch.optional(),
          typicalClients: z.array(bilingualPatch).optional(),
          characteristics: z.array(characteristicSchema).optional(),
          actions: z.array(actionSchema).default([]),
        }),
      )
      .default([]),
    practices: z.array(practiceSchema).default([]),
    transitions: z.array(transitionSchema).default([]),
  }),
]);

const formatIssue = (source: string, issue: z.core.$ZodIssue): string => {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${source}: at ${path}: ${issue.message}`;
};

const mergeById = <T extends { id: string }>(base: readonly T[], extra: readonly T[]): T[] => {
  const merged = [...base];
  for (const item of extra) {
    const at = merged.findIndex((existing) => existing.id === item.id);
    if (at >= 0) merged[at] = item;
    else merged.push(item);
  }
  return merged;
};

/**
 * Builds the playbook a deployment uses from a parsed JSON override (or none).
 * Throws a {@link PlaybookError} whose message names `source`, the JSON path and what is wrong.
 */
export const buildPlaybook = (override: unknown, source = 'playbook'): Playbook => {
  const base = defaultPlaybook();
  if (override === undefined) return base;
  const parsed = overrideFileSchema.safeParse(override);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PlaybookError(first ? formatIssue(source, first) : `${source}: invalid playbook`);
  }
  const file = parsed.data;
  const candidate =
    file.mode === 'replace'
      ? { ...file, mode: undefined }
      : {
          ...base,
          version: `${base.version}+${file.version}`,
          types: base.types.map((type) => {
            const patch = file.types.find((t) => t.id === type.id);
            if (!patch) return type;
            const { actions, ...fields } = patch;
            return { ...type, ...stripUndefined(fields), actions: mergeById(type.actions, actions) };
          }),
          practices: mergeById(base.practices, file.practices),
          transitions: [...base.transitions, ...file.transitions],
        };
  const { mode: _mode, ...withoutMode } = candidate as typeof candidate & { mode?: unknown };
  const checked = playbookSchema.safeParse(withoutMode);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new PlaybookError(first ? formatIssue(source, first) : `${source}: invalid playbook`);
  }
  return checked.data;
};

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

export const typeProfile = (playbook: Playbook, type: RelationshipType): TypeProfile => {
  const profile = playbook.types.find((t) => t.id === type);
  // The schema guarantees all four types exist.
  if (!profile) throw new Error(`playbook has no type ${type}`);
  return profile;
};

/** Every action of the playbook (type strategies and cross-cutting practices), by id. */
export const allActions = (playbook: Playbook): Array<PlaybookAction | Practice> => [
  ...playbook.types.flatMap((t) => t.actions),
  ...playbook.practices,
];

export const findAction = (playbook: Playbook, id: string): PlaybookAction | Practice | undefined =>
  allActions(playbook).find((action) => action.id === id);

export const actionIds = (playbook: Playbook): string[] => allActions(playbook).map((a) => a.id);

/** Picks the language of a bilingual text. */
export const t = (text: Bilingual, lang: Lang): string => text[lang];

const TYPE_ALIASES: Record<string, RelationshipType> = {
  strategic: 'strategic',
  strategy: 'strategic',
  战略: 'strategic',
  合作型: 'strategic',
  战略合作型: 'strategic',
  transactional: 'transactional',
  transaction: 'transactional',
  交易: 'transactional',
  交易型: 'transactional',
  标准化: 'transactional',
  partnership: 'partnership',
  partner: 'partnership',
  伙伴: 'partnership',
  伙伴型: 'partnership',
  problem_solving: 'problem_solving',
  'problem-solving': 'problem_solving',
  problem: 'problem_solving',
  问题解决型: 'problem_solving',
  服务型: 'problem_solving',
};

/** Resolves a type id or a common alias in either language ("partner", "伙伴型"). */
export const parseTypeName = (value: string): RelationshipType | undefined => TYPE_ALIASES[value.trim().toLowerCase()];

export type PlaybookSearchResult = {
  types: RelationshipType[];
  actions: Array<PlaybookAction | Practice>;
};

const includesFolded = (haystack: string, needle: string) => haystack.normalize('NFKC').toLowerCase().includes(needle);

/** Types and actions whose text (either language) or keywords contain the keyword. */
export const searchPlaybook = (playbook: Playbook, keyword: string): PlaybookSearchResult => {
  const needle = keyword.normalize('NFKC').trim().toLowerCase();
  if (needle === '') return { types: [], actions: [] };
  const texts = (values: Array<Bilingual | string>) =>
    values.some((v) =>
      typeof v === 'string' ? includesFolded(v, needle) : includesFolded(`${v.zh}\n${v.en}`, needle),
    );
  const actions = allActions(playbook).filter((a) => a.id.includes(needle) || texts([a.title, a.howTo, ...a.keywords]));
  const types = playbook.types
    .filter((type) =>
      texts([
        type.name,
        type.shortName,
        type.definition,
        ...type.typicalClients,
        ...type.characteristics.flatMap((c) => [c.title, c.detail]),
      ]),
    )
    .map((type) => type.id);
  return { types, actions };
};
