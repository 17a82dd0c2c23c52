// What every case gets from run.mjs. Types only.

/**
 * @typedef {object} CaseContext
 * @property {import('../lib/browser.mjs').Session} session  a fresh browser for this case
 * @property {import('../../tests/sim/server.mjs').Simulator} sim
 * @property {import('../lib/args.mjs').Options} opts
 * @property {(line: string) => void} log
 */

/**
 * @typedef {object} CaseResult
 * @property {string} id
 * @property {string} title
 * @property {import('../lib/rows.mjs').Row[]} rows
 * @property {{ kind: 'cdf' | 'lag', title: string, xLabel: string, series: Record<string, number[][]> }[]} charts
 * @property {string[]} [notes]
 */

export {};
