// The two builds the bench needs. Both leave .output/chrome-mv3 alone: another engineer's e2e
// run may have Chromium reading it while we build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BENCH_BUILD, PROD_BUILD, ROOT } from './paths.mjs';

const BUILD_TIMEOUT_MS = 180_000;

/**
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), BUILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`build failed (exit ${code}):\n${out.slice(-4000)}`));
    });
  });
}

const WXT_CLI = `${ROOT}node_modules/wxt/bin/wxt.mjs`;

/** The bench build: wxt.config.ts adds the baseline page and picks .output/bench under this env. */
export async function buildBench() {
  await run([WXT_CLI, 'build'], { OLLAMA_CHAT_BENCH: '1' });
  if (!existsSync(`${BENCH_BUILD}/bench-baseline.html`)) throw new Error(`${BENCH_BUILD} has no bench-baseline.html`);
}

/**
 * The production build exactly as `wxt build` makes it, only written elsewhere: the CLI has no
 * out-dir flag, so this goes through WXT's JS API (inline config overrides outDir only).
 */
export async function buildProd() {
  const script = `const { build } = await import('wxt'); await build({ outDir: '.output/bench/prod' });`;
  await run(['--input-type=module', '-e', script], { OLLAMA_CHAT_BENCH: '' });
  if (existsSync(`${PROD_BUILD}/bench-baseline.html`)) throw new Error('the production build contains the bench page');
}
