/**
 * Build flag, `true` only in the script tag (`dist/parcours.iife.js`): there rollup swaps
 * this module for `isScriptTag.iife.ts` (see `rollup.config.js`) and the minifier strips
 * what the tag never needs, to keep it within its size budget: asynchronous storage (the
 * tag reads localStorage synchronously, before any call can be made) and the server-side
 * options (`consent` granted up front, per-event `anonymousId`/`userId`).
 */
export const IS_SCRIPT_TAG: boolean = false;
