/**
 * Who lives in the playground workspace. Several people can use one playground at once: each
 * picks a persona on the page, so sharing to #team and the visibility rules can be seen.
 */

export type Persona = { id: string; name: string; title: string; isAdmin: boolean };

export const PLAYGROUND_TEAM = { id: 'T0PLAYGROUND', name: 'Quadrant Playground' } as const;
export const TEAM_CHANNEL = { id: 'C0TEAM', name: 'team' } as const;
export const PLAYGROUND_BOT = { userId: 'U0QUADRANT', botId: 'B0QUADRANT' } as const;

/** Two relationship managers and their team lead, who is an admin for the playground session only. */
export const PERSONAS: readonly Persona[] = [
  { id: 'U0LIWEI', name: 'Li Wei', title: 'RM', isAdmin: false },
  { id: 'U0ZHANGMIN', name: 'Zhang Min', title: 'RM', isAdmin: false },
  { id: 'U0CHEN', name: 'Chen', title: 'team lead, admin', isAdmin: true },
];

export const personaLabel = (persona: Persona): string => `${persona.name} (${persona.title})`;

export const findPersona = (id: string): Persona | undefined => PERSONAS.find((p) => p.id === id);
