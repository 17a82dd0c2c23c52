// Where things are, from this file, so the bench works from any working directory.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));
/** The bench build: panel + baseline page. Never .output/chrome-mv3, which e2e tests load. */
export const BENCH_BUILD = `${ROOT}.output/bench/chrome-mv3`;
/** The normal production build (no bench env), built aside for the same reason. */
export const PROD_BUILD = `${ROOT}.output/bench/prod/chrome-mv3`;
