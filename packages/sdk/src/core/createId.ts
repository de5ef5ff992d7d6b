/**
 * A client-made unique id for an event, a consent record, an anonymous person or a
 * session: time in base 36 then ~11 random base-36 digits (~52 bits), about 19
 * characters (the contract allows 64). `Math.random` rather than `crypto`: React Native's Hermes has no
 * `crypto` without a polyfill, and ids need uniqueness, not secrecy.
 */
export const createId = (): string => Date.now().toString(36) + Math.random().toString(36).slice(2);
