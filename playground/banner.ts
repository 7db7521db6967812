/** Hides a password in a store URL such as postgres://user:secret@host/db. */
export const maskStoreUrl = (url: string): string => url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');

/** What the terminal says when the playground is up: where to open it and how to go real. */
export const playgroundBanner = (f: { port: number; host: string; storeUrl: string; llm: string | null }): string => {
  const host = f.host === '127.0.0.1' || f.host === '::1' ? 'localhost' : f.host;
  return [
    '',
    `Quadrant playground: open http://${host}:${f.port}`,
    '  No Slack tokens are set, so Quadrant runs against a local Slack emulator (one process, this machine only).',
    `  Store: ${maskStoreUrl(f.storeUrl)} · Classifier: ${f.llm ? `rules + LLM (${f.llm})` : 'rules only (set OPENAI_API_KEY to add an LLM)'}`,
    '  Pick who you are in the sidebar; open a second tab as someone else to see sharing and visibility.',
    '',
    'To connect a real workspace: create the app from manifest.json, then set SLACK_APP_TOKEN and SLACK_BOT_TOKEN.',
    '',
  ].join('\n');
};
