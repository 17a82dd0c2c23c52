// Command-line flags and the two presets. Sizes live here so a reader sees in one place what a
// default run costs: about 7 minutes of streaming on 2 cores, --quick about 1.

export const CASES = ['latency', 'throughput', 'scaling', 'cold-open', 'conversation', 'import', 'images', 'page', 'bundle'];

const FULL = {
  runs: 5,
  latency: { tokens: 250, tokensPerSecond: 50 },
  throughput: { tokens: 20_000, tokensPerSecond: 2_000 },
  scaling: { small: 5_000, large: 50_000, tokensPerSecond: 2_000 },
  coldOpen: { conversations: 1_000, messagesEach: 20 },
  conversation: { messages: 1_000 },
  // 100,000 conversations of 2 messages: a 95 MiB export, past Chrome's 64 MiB message limit.
  import: { conversations: 100_000, messagesEach: 2, runs: 3 },
};

const QUICK = {
  runs: 3,
  latency: { tokens: 100, tokensPerSecond: 50 },
  throughput: { tokens: 4_000, tokensPerSecond: 2_000 },
  scaling: { small: 1_000, large: 10_000, tokensPerSecond: 2_000 },
  coldOpen: { conversations: 1_000, messagesEach: 20 },
  conversation: { messages: 1_000 },
  import: { conversations: 10_000, messagesEach: 2, runs: 1 },
};

const HELP = `npm run bench -- [options]
  --runs N      runs of each page per case (default 5; --quick: 3; import: at most 3)
  --quick       smoke test: fewer runs, smaller replies (about 1-2 minutes)
  --only a,b    cases to run: ${CASES.join(', ')}
  --no-build    reuse .output/bench and .output/bench/prod from the last run
  --help`;

/**
 * @param {string[]} argv
 */
export function parseArgs(argv) {
  const quick = argv.includes('--quick');
  const preset = structuredClone(quick ? QUICK : FULL);
  /** @type {string[]} */
  let only = CASES;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: HELP };
    if (a === '--quick') continue;
    if (a === '--no-build') build = false;
    else if (a === '--runs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error('--runs takes a whole number from 1 to 50');
      preset.runs = n;
      preset.import.runs = Math.min(preset.import.runs, n);
    } else if (a === '--only') {
      only = String(argv[++i] ?? '')
        .split(',')
        .filter(Boolean);
      const unknown = only.filter((c) => !CASES.includes(c));
      if (unknown.length > 0 || only.length === 0) throw new Error(`--only: unknown case ${unknown.join(', ')}; known: ${CASES.join(', ')}`);
    } else throw new Error(`unknown option ${a}\n${HELP}`);
  }
  return { quick, build, only, ...preset };
}

/** @typedef {Exclude<ReturnType<typeof parseArgs>, { help: string }>} Options */
