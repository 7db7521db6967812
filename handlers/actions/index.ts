/**
 * handlers/actions owns the block_actions listeners, one per button or select on a card, a follow-up
 * question, the clarify question or App Home; what several of them share lives in handlers/support.
 */
export {};
