import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'happy-dom',
    // happy-dom 21 breaks DOMPurify's tree walk; this makes it follow the DOM spec there.
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // A guard against hangs, not a speed target (those are in the bench): a loaded 2-core CI box
    // can take several seconds for the heaviest property tests.
    testTimeout: 20_000,
    // The same guard for hooks: the native-host tests' cleanup waits for started processes and
    // their temp dirs, which under load took over the 10 s default once.
    hookTimeout: 20_000,
  },
});
