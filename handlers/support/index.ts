/**
 * handlers/support owns what several listeners share: where a clicked card is shown and how to
 * redraw it, replies in a thread with progress, card modals, delivery claims, failure messages,
 * early warnings, publishing App Home and the Slack facts a decision needs (visibility, thread keys).
 */
export {};
