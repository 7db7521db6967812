/**
 * `npm run bench`: runs every section and prints its figures. Sections are separate modules so
 * each layer owns its benchmark; run one with `npm run bench -- rules`.
 */
const sections: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  rules: () => import('./rules.js'),
  cli: () => import('./cli.js'),
  llm: () => import('./llm.js'),
  store: () => import('./store.js'),
  playground: () => import('./playground.js'),
  slack: () => import('./slack.js'),
  reliability: () => import('./reliability.js'),
  learning: () => import('./learning.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  const section = await load();
  await section.run();
}
