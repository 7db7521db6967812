/**
 * handlers/views owns the view_submission listeners, one per modal (change type with its reason,
 * edit client, share to channel); a missing reason or name is answered with an error in the modal.
 */
export {};
