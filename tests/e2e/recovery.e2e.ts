/** Ollama starts itself, in real Chromium: the host is installed into the test profile. */
import { describe } from 'vitest';
import { launchChromium } from './support/chromium';
import { recoveryScenarios, runInstaller } from './support/recovery-scenarios';

describe('Chromium: Ollama starts itself (native host)', () => {
  recoveryScenarios(launchChromium, (s, port, command) => runInstaller(port, command, ['--user-data-dir', s.userDataDir]));
});
