// Types for ids.mjs (TypeScript pairs `./ids.mjs` with this file).
export const HOST_NAME: 'ollama_chat';
export const VERSION: string;
export const CHROME_EXTENSION_ID: string;
export const GECKO_ID: string;
export const CHROME_ORIGIN: string;
