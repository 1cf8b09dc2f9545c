const plainAddress = /^[^\s@<>(),;:"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** A plain address (no display name, no group): what a person types for one mailbox. */
export const isMailAddress = (value: string): boolean => plainAddress.test(value);
