// Types for breakaway.mjs.
export const BREAKAWAY_SCRIPT: string;
