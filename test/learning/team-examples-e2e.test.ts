import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../handlers/ids.js';
import { parseCard } from '../../src/conversation/card.js';
import { MAX_TEAM_EXAMPLES, TEAM_EXAMPLE_CHARS } from '../../src/llm/prompt.js';
import { newDecision } from '../contracts/decision-builder.js';
import { jargonCases } from '../domain/team-model/jargon-corpus.js';
import { type FakeOpenAi, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

/**
 * The whole app with an LLM configured (the loopback OpenAI-compatible fake): a new description
 * goes through a signed Slack event, and the model receives the team's most similar team-visible
 * decisions as examples, redacted and short, never a private one.
 */
let app: TestSlackApp | undefined;
let llm: FakeOpenAi | undefined;
afterEach(async () => {
  await app?.close();
  await llm?.close();
  app = undefined;
  llm = undefined;
});

const NOTE = 'Client: Orion Foods. 下周回访,快单通道;team notes,flash quote。';
const PHONE = '13912345678';

type Example = { description: string; final_type: string };
/** The team examples of each request the model received for a classification. */
const examplesSent = (fake: FakeOpenAi): Example[][] =>
  fake.requests.flatMap((r) => {
    const messages = (r.body?.messages ?? []) as Array<{ role: string; content: string }>;
    return messages
      .filter((m) => m.role === 'user' && m.content.includes('similar_decisions_by_this_team'))
      .map(
        (m) => (JSON.parse(m.content) as { similar_decisions_by_this_team: Example[] }).similar_decisions_by_this_team,
      );
  });

describe('the LLM learns from the team, end to end', () => {
  it('sends k similar team examples (redacted, short) and records it in the prompt version; a private decision never travels', async () => {
    llm = await startFakeOpenAi({
      script: {
        kind: 'ok',
        content: fakeAssessment({ type: 'transactional', confidence: 0.7, clientName: 'Orion Foods' }),
      },
    });
    app = await startTestSlackApp({ env: { OPENAI_API_KEY: llm.apiKey, OPENAI_BASE_URL: llm.url } });
    const { slack, teamId } = app;
    slack.addUser({ id: 'URM' });
    slack.addChannel({ id: 'CLOANS', members: ['URM', slack.bot.userId] });
    for (const c of jargonCases(40))
      await app.deps.decisions.append(
        newDecision({
          clientName: `Client ${c.id}`,
          // Long, and with a phone number the store redacts before anything else reads it.
          description: `${c.text} 联系人电话${PHONE},${'快单通道 flash quote '.repeat(8)}`,
          type: c.label,
          suggestedType: c.label,
          evidence: [],
          teamId,
        }),
      );
    await app.deps.decisions.append(
      newDecision({
        clientName: 'Secret Holdings',
        description: `PRIVATE-MARKER ${NOTE}`,
        type: 'problem_solving',
        suggestedType: 'transactional',
        source: 'manager_override',
        reason: 'private view',
        visibility: 'private',
        userId: 'URM',
        evidence: [],
        teamId,
      }),
    );

    const asked = await app.mention('URM', 'CLOANS', `<@${slack.bot.userId}> ${NOTE}`);
    // A note this short may get a follow-up question first; the RM answers "classify now".
    const ours = () => slack.thread('CLOANS', asked.ts).filter((m) => m.user === slack.bot.userId);
    const first = await slack.waitFor(() => ours().find((m) => m.blocks !== undefined));
    const now = JSON.stringify(first.blocks).includes(ACTIONS.classifyNow)
      ? (first.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>)
          .flatMap((b) => b.elements ?? [])
          .find((e) => e.action_id === ACTIONS.classifyNow)
      : undefined;
    if (now !== undefined)
      await app.click(
        'URM',
        { actionId: ACTIONS.classifyNow, value: now.value ?? '' },
        {
          channel: 'CLOANS',
          ts: first.ts,
        },
      );
    await slack.waitFor(() => ours().find((m) => JSON.stringify(m.blocks ?? []).includes(ACTIONS.confirm)));
    const sent = examplesSent(llm);
    expect(sent.length).toBeGreaterThan(0);
    for (const examples of sent) expect(examples).toHaveLength(MAX_TEAM_EXAMPLES);
    for (const e of sent.flat()) {
      expect(e.description.length).toBeLessThanOrEqual(TEAM_EXAMPLE_CHARS);
      expect(e.description).toContain('[REDACTED');
      // A team-visible decision's own words, cut short.
      expect(e.description).toMatch(/^客户\d+:/);
      expect(['strategic', 'transactional', 'partnership', 'problem_solving']).toContain(e.final_type);
    }
    const raw = llm.requests.map((r) => r.raw).join('\n');
    expect(raw).not.toContain(PHONE);
    expect(raw).not.toContain('PRIVATE-MARKER');
    expect(raw).not.toContain('Secret Holdings');

    const thread = await app.deps.state.getThread(`${teamId}:CLOANS:${asked.ts}`);
    const cards = Object.values(thread?.cards ?? {}).map((c) => parseCard(c));
    expect(cards[0]?.versions.prompt).toMatch(/\+team-examples@\d+/);
  });
});
