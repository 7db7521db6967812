/**
 * src/llm owns the LLM adapter behind the ports in port.ts: prompts, the OpenAI-compatible
 * assessor, its failures and notices, and the hybrid classifier that joins rules, LLM and team model.
 *
 * May import: src/llm, src/domain, src/lib, src/learning, src/config.ts; packages.
 */
export {};
