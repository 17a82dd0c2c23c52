import { startBackground } from '../lib/background/main';

export default defineBackground({
  // Firefox MV2: an event page, woken by the Port, the action and storage changes.
  persistent: false,
  main() {
    startBackground();
  },
});
