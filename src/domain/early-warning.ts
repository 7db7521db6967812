import type { Playbook } from './playbook.js';
import type { RelationshipType, Signal } from './types.js';

/**
 * The article's 动态调整关系: when a client the team knew as strategic, transactional or a partner
 * is now decided `problem_solving` on current distress, the team should hear about it at once.
 * Pure: given the client's team-visible decisions (oldest first, the new one last), says whether
 * there is an alert and what it carries. Only team-visible decisions count, so nothing private
 * (not even a private earlier type) can reach the alert. A move out of distress (recovery) is not
 * an alert; App Home shows it with the other type changes.
 */

/** The part of a decision the rule reads. */
export type WarningDecision = {
  id: string;
  clientName: string;
  type: RelationshipType;
  createdAt: string;
  evidence: Signal[];
  visibility: 'team' | 'private';
};

export type EarlyWarning = {
  clientName: string;
  previous: { type: RelationshipType; date: string; decisionId: string };
  decisionId: string;
  /** Current, non-negated distress spans from the new decision's evidence (at most three). */
  evidence: string[];
  /** Playbook actions for a client entering distress. */
  actionIds: string[];
  /** Once-per-transition key: the transition is the pair (previous decision, new decision's type). */
  key: string;
};

const MAX_EVIDENCE = 3;

export const earlyWarningFor = (
  teamHistory: readonly WarningDecision[],
  playbook: Playbook,
  teamId: string,
): EarlyWarning | null => {
  const visible = teamHistory.filter((d) => d.visibility === 'team');
  const current = visible.at(-1);
  const previous = visible.at(-2);
  if (current === undefined || previous === undefined) return null;
  if (current.type !== 'problem_solving' || previous.type === 'problem_solving') return null;
  const distress = current.evidence.filter(
    (s) => s.category === 'distress' && s.type === 'problem_solving' && s.negated !== true && s.weight > 0,
  );
  if (distress.length === 0) return null;
  const transition =
    playbook.transitions.find((t) => t.to === 'problem_solving' && t.from === previous.type) ??
    playbook.transitions.find((t) => t.to === 'problem_solving' && t.from === undefined);
  return {
    clientName: current.clientName,
    previous: { type: previous.type, date: previous.createdAt.slice(0, 10), decisionId: previous.id },
    decisionId: current.id,
    evidence: [...new Set(distress.map((s) => s.text))].slice(0, MAX_EVIDENCE),
    actionIds: transition?.actionIds ?? [],
    key: `early-warning:${teamId}:${previous.id}:problem_solving`,
  };
};
