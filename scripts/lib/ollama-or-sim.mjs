/** Finds the user's Ollama, or starts the project's simulator when none answers. */
import { startSimulator } from '../../tests/sim/server.mjs';

const DEFAULT_URL = 'http://localhost:11434';

// Canned text, so nobody mistakes the demo for a model's answer.
function demoReply({ messages }) {
  const last = messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  const sky = /sky/i.test(last)
    ? 'The sky looks blue because of **Rayleigh scattering**:\n\n- air molecules scatter short (blue) wavelengths far more than long (red) ones;\n- at sunset light crosses more air, so the blue is scattered away and reds remain.\n\n```python\nintensity = 1 / wavelength ** 4  # why blue wins\n```\n\n'
    : '';
  return `${sky}_This answer comes from the Ollama Chat **simulator**, not from a model._ You asked: "${last.slice(0, 200)}". Start Ollama (ollama serve, then ollama pull llama3.2) and run npm start again to chat for real.`;
}

async function answers(url) {
  try {
    const res = await fetch(`${url}/api/tags`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** @returns {Promise<{ url: string, simulator: import('../../tests/sim/server.mjs').Simulator | null }>} */
export async function ollamaOrSimulator() {
  const url = (process.env.OLLAMA_BASE_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  if (await answers(url)) {
    console.log(`Using your Ollama at ${url}.`);
    return { url, simulator: null };
  }
  // The version string is how the panel knows to show its "Simulator" badge.
  const opts = { version: '0.32.15-simulator', tokensPerSecond: 40, firstTokenDelayMs: 300, reply: demoReply };
  let simulator;
  try {
    simulator = await startSimulator({ ...opts, port: 11434 });
  } catch {
    simulator = await startSimulator(opts);
  }
  console.log(
    `\nNo Ollama answered at ${url}.\n` +
      `Started the built-in Ollama SIMULATOR at ${simulator.url}: answers are canned demo text, not a model.\n` +
      'The panel shows a "Simulator" badge. Start Ollama (ollama serve) and run npm start again for the real thing.\n',
  );
  return { url: simulator.url, simulator };
}
