import { messages } from '../../src/domain/messages/messages.js';
import type { Playbook } from '../../src/domain/playbook.js';
import type { Lang } from '../../src/domain/types.js';
import { safeText } from '../../src/slack/escape.js';
import { ACTIONS } from '../ids.js';
import type { SlackMessage } from './classification-card.js';
import { actions, button, header, section } from './kit.js';

/** Hello or "what can you do": what Quadrant does, the four types in one line each, three example prompts. */
export const buildWelcome = (playbook: Playbook, lang: Lang): SlackMessage => {
  const m = messages(lang);
  const types = playbook.types
    .map((t) => `${t.emoji} *${safeText(t.shortName[lang], 60)}*: ${safeText(t.definition[lang], 200)}`)
    .join('\n');
  const examples = m.welcomeExamples.map((e) => `• ${e}`).join('\n');
  return {
    text: `${m.welcomeTitle}. ${m.welcomeIntro}`,
    blocks: [
      header(m.welcomeTitle),
      section(m.welcomeIntro),
      section(`*${m.welcomeTypes}*\n${types}`),
      section(`*${m.welcomeTryTitle}*\n${examples}`),
    ],
  };
};

/** Too little to tell what the RM wants: one question, with buttons. */
export const buildClarify = (text: string, lang: Lang): SlackMessage => {
  const m = messages(lang);
  const question = m.clarifyQuestion(safeText(text, 200));
  const value = JSON.stringify({ t: text.slice(0, 1500), l: lang });
  return {
    text: question,
    blocks: [
      section(question),
      actions([
        button(m.clarifyDescribe, ACTIONS.clarifyDescribe, value, 'primary'),
        button(m.clarifyPlaybook, ACTIONS.clarifyPlaybook, value),
        button(m.clarifyHelp, ACTIONS.clarifyHelp, value),
      ]),
    ],
  };
};
