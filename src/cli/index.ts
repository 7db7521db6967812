/**
 * src/cli owns the `quadrant` command: classify, chat, playbook, log, eval and model
 * subcommands over the same services as the Slack app.
 *
 * May import: src/cli, src/domain, src/lib, src/llm, src/store, src/conversation, src/learning, src/config.ts, src/playbook-file.ts; packages.
 */
export {};
