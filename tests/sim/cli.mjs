#!/usr/bin/env node
// @ts-check
// Run the simulator by hand, e.g. to try the extension without a GPU:
//   node tests/sim/cli.mjs [--port 11434] [--host 127.0.0.1] [--allow-origins "a,b"] [--rate 50]
//     [--first-token-delay 200] [--tokens 60] [--models llama3.2:latest,qwen3:0.6b] [--seed 1] [--quiet]
//     [--require-auth "Bearer s3cret"] (behind a proxy that wants this Authorization header)
// OLLAMA_ORIGINS is read like `ollama serve` reads it (entries from --allow-origins come first).
import { parseArgs } from 'node:util';
import { DEFAULT_MODELS, normalizeName } from './models.mjs';
import { startSimulator } from './server.mjs';

/** @param {string | undefined} list */
const splitList = (list) =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * @param {string | undefined} value
 * @param {string} flag
 */
function number(value, flag) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isNaN(n)) throw new Error(`${flag} expects a number, got "${value}"`);
  return n;
}

/** Known names keep their capabilities (qwen3 thinks, llama3.2 has tools); others only complete. */
const modelFor = (/** @type {string} */ name) =>
  DEFAULT_MODELS.find((m) => normalizeName(m.name) === normalizeName(name)) ?? {
    name: name.includes(':') ? name : `${name}:latest`,
  };

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '11434' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-origins': { type: 'string' },
      rate: { type: 'string' },
      'first-token-delay': { type: 'string' },
      tokens: { type: 'string' },
      models: { type: 'string' },
      seed: { type: 'string' },
      'require-auth': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const models = splitList(values.models);
  const sim = await startSimulator({
    host: values.host,
    port: number(values.port, '--port'),
    allowOrigins: [...splitList(values['allow-origins']), ...splitList(process.env.OLLAMA_ORIGINS)],
    tokensPerSecond: number(values.rate, '--rate'),
    firstTokenDelayMs: number(values['first-token-delay'], '--first-token-delay'),
    replyTokens: number(values.tokens, '--tokens'),
    seed: number(values.seed, '--seed'),
    models: models.length > 0 ? models.map(modelFor) : undefined,
    requireAuth: values['require-auth'],
  });
  console.log(`Ollama simulator listening on ${sim.url}`);

  if (!values.quiet) {
    // Log each request once it is answered; the index moves past requests already printed.
    let next = 0;
    const follow = () =>
      sim
        .waitForRequest((r) => sim.requests.indexOf(r) >= next, 2 ** 31 - 1)
        .then(() => {
          for (const r of sim.requests.slice(next)) {
            console.error(`${r.method} ${r.path} ${r.status}${r.origin ? ` (Origin: ${r.origin})` : ''}`);
          }
          next = sim.requests.length;
          follow();
        })
        .catch(() => {}); // rejected only when the simulator closes
    follow();
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((/** @type {Error & { code?: string, address?: string, port?: number }} */ e) => {
  // Same wording as `ollama serve` when the port is taken, so scripts can match either.
  if (e.code === 'EADDRINUSE') console.error(`Error: listen tcp ${e.address}:${e.port}: bind: address already in use`);
  else console.error(`Error: ${e.message}`);
  process.exit(1);
});
