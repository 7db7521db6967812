import type { Playbook } from '../playbook.js';
import type { RelationshipType } from '../types.js';

/** A text the team model starts from before any decision: the seed article's own description of a type. */
export type SeedExample = { text: string; label: RelationshipType };

/**
 * The seed's examples as a prior: for each type, its definition, typical clients and
 * characteristics, in both languages. They give a new workspace's model a vocabulary to start from;
 * the team's decisions soon outweigh them.
 */
export const seedExamples = (playbook: Playbook): SeedExample[] =>
  playbook.types.flatMap((profile) =>
    (['zh', 'en'] as const).flatMap((lang) => [
      { label: profile.id, text: `${profile.name[lang]}。${profile.definition[lang]}` },
      ...profile.typicalClients.map((c) => ({ label: profile.id, text: c[lang] })),
      ...profile.characteristics.map((c) => ({ label: profile.id, text: `${c.title[lang]}:${c.detail[lang]}` })),
    ]),
  );
