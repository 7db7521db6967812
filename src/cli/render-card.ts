import { createColors } from 'picocolors';
import { messages } from '../domain/messages/messages.js';
import { type Playbook, typeProfile } from '../domain/playbook.js';
import type { Recommendation } from '../domain/recommender.js';
import type { HybridClassification, Lang } from '../domain/types.js';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Strips terminal control characters so a hostile description cannot rewrite the screen. */
export const safeForTerminal = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/** A classification as a readable terminal card; colour only when `color` is true. */
export const renderCard = (
  result: HybridClassification,
  recommendations: readonly Recommendation[],
  playbook: Playbook,
  options: { lang: Lang; color: boolean },
): string => {
  const c = createColors(options.color);
  const { lang } = options;
  const t = messages(lang).terminal;
  const profile = typeProfile(playbook, result.type);
  const lines: string[] = [];
  lines.push(c.bold(`${profile.shortName[lang]} · ${profile.name.zh} / ${profile.name.en}`));
  lines.push(`${t.type}: ${c.cyan(result.type)}   ${t.confidence}: ${percent(result.confidence)}`);
  if (result.secondary) {
    const second = typeProfile(playbook, result.secondary);
    lines.push(`${t.secondary}: ${second.shortName[lang]} (${result.secondary})`);
  }
  const evidence = result.signals.filter((s) => s.weight > 0).slice(0, 6);
  const negated = result.signals.filter((s) => s.negated).slice(0, 3);
  if (evidence.length > 0 || negated.length > 0) {
    lines.push('', c.bold(t.evidence));
    for (const s of evidence) {
      lines.push(`  ${c.green('+')} “${safeForTerminal(s.text)}” → ${s.type} (${s.weight.toFixed(1)})`);
    }
    for (const s of negated) {
      lines.push(`  ${c.dim('-')} ${c.dim(`“${safeForTerminal(s.text)}” ${t.negated}`)}`);
    }
  } else {
    lines.push('', c.yellow(t.noEvidence));
  }
  if (result.llm) {
    const agreement = result.agreement === 'agree' ? t.agrees : t.disagrees;
    lines.push('', `${c.bold('LLM')}: ${result.llm.type} (${percent(result.llm.confidence)}), ${agreement}`);
    lines.push(`  ${safeForTerminal(result.llm.rationale)}`);
  }
  if (recommendations.length > 0) {
    lines.push('', c.bold(t.actions));
    recommendations.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.title[lang]} ${c.dim(`[${r.id}]`)}`);
      lines.push(`     ${c.dim(r.why[lang])}`);
    });
  }
  if (result.missing.length > 0) {
    lines.push('', c.bold(t.missing));
    for (const fact of result.missing) lines.push(`  ? ${fact.question[lang]}`);
  }
  for (const notice of result.notices) lines.push('', c.yellow(notice[lang]));
  const model = result.versions.model ? `${result.versions.model}, prompt ${result.versions.prompt}` : t.rulesOnly;
  lines.push('', c.dim(`playbook ${playbook.version} · rules ${result.versions.rules} · ${model}`));
  return `${lines.join('\n')}\n`;
};
