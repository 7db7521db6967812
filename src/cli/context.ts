import { type Config, loadConfig } from '../config.js';
import type { Playbook } from '../domain/playbook.js';
import { classifyWithRules } from '../domain/rules.js';
import type { HybridClassification } from '../domain/types.js';
import type { Classifier } from '../llm/port.js';
import { loadPlaybook } from '../playbook-file.js';
import type { CommandIo } from './io.js';

export type CliContext = { config: Config; playbook: Playbook; classifier: Classifier };

/** Rules-only classifier used until the hybrid one is wired. */
const rulesOnlyClassifier = (): Classifier => ({
  classify: async ({ text, profile }) => {
    const rules = classifyWithRules(text);
    const classification: HybridClassification = {
      ...rules,
      source: 'rules',
      llmStatus: 'off',
      llm: null,
      agreement: null,
      rules: { type: rules.type, confidence: rules.confidence },
      notices: [],
      versions: { rules: rules.rulesVersion, prompt: null, model: null },
    };
    return {
      classification,
      profile: profile ?? { needs: [], priorities: [], distress: [], loyalty: [] },
      usage: null,
    };
  },
});

/** Config, playbook and classifier for one CLI run, built from the injected environment. */
export const buildCliContext = (io: CommandIo): CliContext => {
  const config = loadConfig(io.env);
  const playbook = loadPlaybook(config.playbookPath);
  return { config, playbook, classifier: rulesOnlyClassifier() };
};
