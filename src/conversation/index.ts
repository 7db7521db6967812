/**
 * src/conversation owns the conversation with an RM, shared by Slack and the terminal: turns,
 * follow-up questions, cards and the decisions logged on them.
 *
 * May import: src/conversation, src/domain, src/learning, src/lib, src/llm, src/store; packages.
 */
export {};
