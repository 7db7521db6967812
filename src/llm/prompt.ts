import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QuadrantError } from '../domain/errors.js';
import type { Playbook } from '../domain/playbook.js';
import type { ClientProfile } from '../domain/profile.js';
import type { Lang } from '../domain/types.js';
import type { LlmOutputMode, TeamExample } from './port.js';

/**
 * Prompts live in `prompts/*.md`, each with an `id` and a `version` in its front matter; the
 * versions are recorded in every decision. Only this module reads them.
 */

export type PromptFile = { id: string; version: string; body: string };
export type PromptSet = { system: PromptFile; examples: PromptFile; output: PromptFile };

/** A prompt file is missing or has no `id`/`version` front matter. */
export class PromptFileError extends QuadrantError<'prompt_invalid'> {
  constructor(message: string) {
    super('prompt_invalid', message);
  }
}

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;

export const parsePromptFile = (source: string, name: string): PromptFile => {
  const match = FRONT_MATTER.exec(source.replace(/\r\n/g, '\n'));
  const header = match?.[1];
  const body = match?.[2];
  if (header === undefined || body === undefined) throw new PromptFileError(`${name}: missing --- front matter ---`);
  const field = (key: string) => new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(header)?.[1];
  const id = field('id');
  const version = field('version');
  if (id === undefined || version === undefined)
    throw new PromptFileError(`${name}: front matter needs id and version`);
  return { id, version, body: body.trim() };
};

/** Reads one prompt file from `dir`; a missing or malformed file is a {@link PromptFileError}. */
export const readPromptFile = (dir: string, name: string): PromptFile => {
  const path = `${dir.replace(/\/?$/, '/')}${name}`;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    throw new PromptFileError(`${path}: cannot read prompt file`);
  }
  return parsePromptFile(source, path);
};

/** Reads the three prompt files once, when the adapter is built. */
export const loadPromptSet = (dir: string = DEFAULT_PROMPTS_DIR): PromptSet => ({
  system: readPromptFile(dir, 'classify-system.md'),
  examples: readPromptFile(dir, 'classify-examples.md'),
  output: readPromptFile(dir, 'classify-output.md'),
});

/** The version recorded with every decision, e.g. `classify-system@2026.11.1+classify-examples@2026.11.1`. */
export const promptVersion = (set: PromptSet, mode: LlmOutputMode): string =>
  [set.system, set.examples, ...(mode === 'json_object' ? [set.output] : [])]
    .map((p) => `${p.id}@${p.version}`)
    .join('+');

const renderTypes = (playbook: Playbook) =>
  playbook.types
    .map(
      (t) =>
        `- ${t.id} | ${t.shortName.zh} / ${t.shortName.en} | ${t.definition.zh} ${t.definition.en} | ` +
        t.typicalClients.map((c) => c.en).join('; '),
    )
    .join('\n');

const renderActions = (playbook: Playbook) =>
  [...playbook.types.flatMap((t) => t.actions), ...playbook.practices]
    .map((a) => `- ${a.id}: ${a.title.zh} / ${a.title.en}`)
    .join('\n');

/** The system message: instructions, the playbook in both languages, examples, and (JSON mode only) the output shape. */
export const renderSystemPrompt = (set: PromptSet, playbook: Playbook, mode: LlmOutputMode): string =>
  [
    set.system.body.replace('{{types}}', renderTypes(playbook)).replace('{{actions}}', renderActions(playbook)),
    set.examples.body,
    ...(mode === 'json_object' ? [set.output.body] : []),
  ].join('\n\n');

/** Team examples sent per turn, and the characters kept of each: about 450 tokens at most. */
export const MAX_TEAM_EXAMPLES = 3;
export const TEAM_EXAMPLE_CHARS = 140;

/** Recorded in the prompt version when a turn carried team examples, e.g. `…+team-examples@3`. */
export const withExamplesVersion = (version: string, examples: number): string =>
  examples > 0 ? `${version}+team-examples@${Math.min(examples, MAX_TEAM_EXAMPLES)}` : version;

/** Longest description sent; a thread's older turns travel as the merged profile instead. */
export const MAX_DESCRIPTION_CHARS = 3000;
const MAX_PROFILE_LIST = 6;

/** Facts of the thread's merged profile, values only: compact, and the quotes are not needed again. */
const compactProfile = (profile: ClientProfile | null): Record<string, unknown> | null => {
  if (profile === null) return null;
  const out: Record<string, unknown> = {};
  if (profile.clientName !== undefined) out.clientName = profile.clientName;
  for (const key of ['segment', 'size', 'rating', 'history'] as const) {
    const fact = profile[key];
    if (fact !== undefined) out[key] = fact.value;
  }
  for (const key of ['needs', 'priorities', 'distress', 'loyalty'] as const) {
    if (profile[key].length > 0) out[key] = profile[key].slice(-MAX_PROFILE_LIST).map((f) => f.value);
  }
  return Object.keys(out).length > 0 ? out : null;
};

/**
 * The user message: the (already redacted) description as a JSON string value, so no content can
 * close a delimiter and pose as instructions. Over the limit, a single note keeps its head (as the
 * rules do); a thread with a known profile keeps its tail, the latest turns.
 */
export const renderUserMessage = (input: {
  description: string;
  profile: ClientProfile | null;
  lang: Lang;
  examples?: readonly TeamExample[];
}): { content: string; truncated: boolean } => {
  const known = compactProfile(input.profile);
  const text = input.description;
  const truncated = text.length > MAX_DESCRIPTION_CHARS;
  const description = !truncated
    ? text
    : known !== null
      ? text.slice(text.length - MAX_DESCRIPTION_CHARS)
      : text.slice(0, MAX_DESCRIPTION_CHARS);
  const examples = (input.examples ?? []).slice(0, MAX_TEAM_EXAMPLES).map((e) => ({
    description: e.description.slice(0, TEAM_EXAMPLE_CHARS),
    final_type: e.type,
  }));
  const content = JSON.stringify({
    reply_language: input.lang,
    known_profile: known,
    ...(examples.length > 0 ? { similar_decisions_by_this_team: examples } : {}),
    description,
  });
  return { content, truncated };
};
