/**
 * handlers/shortcuts owns the message shortcut listener (classify a message someone else wrote).
 */
export {};
