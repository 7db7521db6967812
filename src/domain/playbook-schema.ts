import { z } from 'zod';
import { RELATIONSHIP_TYPES } from './types.js';

const bilingual = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

const relationshipType = z.enum(RELATIONSHIP_TYPES);

/** Action ids are `<group>.<kebab-name>`, stable across versions because decisions log them. */
const actionId = z.string().regex(/^[a-z_]+\.[a-z0-9-]+$/, 'expected an id like "strategic.dedicated-team"');

/** When a cross-cutting practice applies; every field given must hold (an empty object always holds). */
export const conditionSchema = z.strictObject({
  types: z.array(relationshipType).min(1).optional(),
  cycle: z.enum(['normal', 'downturn']).optional(),
  typeChanged: z.boolean().optional(),
  /** Applies only when the classifier is at most this sure (e.g. segmentation when unsure). */
  maxConfidence: z.number().min(0).max(1).optional(),
});

export const actionSchema = z.strictObject({
  id: actionId,
  title: bilingual,
  howTo: bilingual,
  /** Extra search words for `/playbook KEYWORD`, in either language. */
  keywords: z.array(z.string().min(1)).default([]),
});

export const practiceSchema = actionSchema.extend({
  /** Any one matching condition makes the practice apply. */
  when: z.array(conditionSchema).min(1),
  /** Why it applies, shown beside the recommendation. */
  why: bilingual,
});

export const characteristicSchema = z.strictObject({ title: bilingual, detail: bilingual });

export const typeProfileSchema = z.strictObject({
  id: relationshipType,
  name: bilingual,
  shortName: bilingual,
  emoji: z.string().min(1),
  definition: bilingual,
  typicalClients: z.array(bilingual).min(1),
  characteristics: z.array(characteristicSchema).min(1),
  actions: z.array(actionSchema).min(1),
});

export const transitionSchema = z.strictObject({
  /** Omitted: from any other type. */
  from: relationshipType.optional(),
  to: relationshipType,
  actionIds: z.array(actionId).min(1),
  why: bilingual,
});

export const playbookSchema = z
  .strictObject({
    version: z.string().min(1),
    source: z.string().min(1),
    types: z.array(typeProfileSchema).length(RELATIONSHIP_TYPES.length),
    practices: z.array(practiceSchema),
    transitions: z.array(transitionSchema).default([]),
  })
  .superRefine((playbook, ctx) => {
    const seenTypes = new Set(playbook.types.map((t) => t.id));
    for (const type of RELATIONSHIP_TYPES) {
      if (!seenTypes.has(type)) ctx.addIssue({ code: 'custom', path: ['types'], message: `missing type "${type}"` });
    }
    const ids = new Set<string>();
    const allActions = [
      ...playbook.types.flatMap((t, i) =>
        t.actions.map((a, j) => ({ id: a.id, path: ['types', i, 'actions', j, 'id'] })),
      ),
      ...playbook.practices.map((p, i) => ({ id: p.id, path: ['practices', i, 'id'] })),
    ];
    for (const { id, path } of allActions) {
      if (ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate action id "${id}"` });
      ids.add(id);
    }
    playbook.transitions.forEach((transition, i) => {
      transition.actionIds.forEach((id, j) => {
        if (!ids.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['transitions', i, 'actionIds', j],
            message: `unknown action id "${id}"`,
          });
        }
      });
    });
  });

export type PlaybookInput = z.input<typeof playbookSchema>;
export type Playbook = z.output<typeof playbookSchema>;
export type TypeProfile = z.output<typeof typeProfileSchema>;
export type PlaybookAction = z.output<typeof actionSchema>;
export type Practice = z.output<typeof practiceSchema>;
export type PlaybookCondition = z.output<typeof conditionSchema>;
