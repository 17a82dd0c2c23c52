/** Wires the background: the panel Port, the Origin rule and the toolbar action. */
import { browser } from 'wxt/browser';
import { installOriginRules } from '../origin/rule';
import { PORT_NAME } from '../protocol';
import { createHistoryStore } from '../history/store';
import type { BackgroundMessage } from '../protocol';
import { createHandoffQueue } from '../selection/handoff';
import type { Settings } from '../settings';
import { historyIO, watchIndexShards } from '../storage/history-io';
import * as imageIO from '../storage/images';
import { legacyConversationsItem, readSettings, selectionQueueIO, watchSettings } from '../storage/items';
import { pullRecordsIO } from '../storage/pulls';
import { wireActionToPanel } from './action';
import { currentContext } from './context';
import { createExchanges } from './exchanges';
import { createHistoryOps } from './history-ops';
import { withStoredImages } from './image-history';
import { imageHandoff } from './image-menu';
import { createImageStore } from './image-store';
import { sweepImages } from './image-sweep';
import { oneAtATime } from './latest-run';
import { createKeepAlive } from './keepalive';
import { createPullResume } from './pull-resume';
import { createPulls } from './pulls';
import { servePanel } from './panel-session';
import { createMenuClickHandler, refreshMenus } from './selection';
import { installTestHook } from './test-hook';

function extensionHost(): string {
  // Firefox rejects its gecko id as an initiator domain; the URL's host works in both browsers.
  return new URL(browser.runtime.getURL('/')).hostname;
}

async function applyOriginRule(s: Settings): Promise<void> {
  try {
    await installOriginRules(
      browser.declarativeNetRequest,
      s.connections.map((c) => c.baseUrl),
      extensionHost(),
    );
  } catch (e) {
    // Without the rule a default Ollama answers 403; the panel then shows the OLLAMA_ORIGINS fix.
    console.error('Could not install the Origin rule', e);
  }
}

/** Everything the background does; listeners are added synchronously so a woken worker sees its event. */
export function startBackground(): void {
  wireActionToPanel();
  // Panels that want to hear about history problems (quota, repaired data).
  const listeners = new Set<(msg: BackgroundMessage) => void>();
  // A repair found while loading may happen before any panel listens: tell each one that connects.
  const repairs: string[] = [];
  const problem = (message: string) => {
    for (const post of listeners) post({ type: 'history/problem', message });
  };
  const images = createImageStore(imageIO);
  const store = withStoredImages(
    createHistoryStore(historyIO, (message) => {
      repairs.push(message);
      problem(message);
    }),
    images,
  );
  const queue = createHandoffQueue(selectionQueueIO);
  const onMenuClick = createMenuClickHandler({
    queue,
    settings: readSettings,
    image: (srcUrl) => imageHandoff(srcUrl),
    notify: () => {
      for (const post of listeners) post({ type: 'selection/available' });
    },
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  // Constant false outside the e2e build, so the hook and its module are dropped from what ships.
  if (import.meta.env.OLLAMA_CHAT_TEST) installTestHook(onMenuClick);
  // Any extension API call resets the idle timers of Chrome's worker and Firefox's event page.
  const keepAlive = createKeepAlive({ ping: () => browser.runtime.getPlatformInfo() });
  const exchanges = createExchanges({ store, broadcastProblem: problem, keepAlive, images });
  const pulls = createPulls({
    keepAlive,
    broadcast: (msg) => {
      for (const post of listeners) post(msg);
    },
    records: pullRecordsIO,
  });
  const pullResume = createPullResume({ pulls, records: pullRecordsIO, context: currentContext });
  const resumeFailed = (e: unknown) => console.warn('Could not resume model pulls', e);
  void pullResume.atStart().catch(resumeFailed);
  const services = {
    context: currentContext,
    pulls,
    ollamaUp: (connection?: string) => void pullResume.ollamaUp(connection).catch(resumeFailed),
    selections: queue,
    exchanges,
    history: createHistoryOps(store, exchanges.answering),
    watchProblems(post: (msg: BackgroundMessage) => void) {
      listeners.add(post);
      for (const message of repairs) post({ type: 'history/problem', message });
      return () => listeners.delete(post);
    },
  };
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PORT_NAME) servePanel(port, services);
  });
  watchIndexShards((shards) => store.noteIndex(shards));
  legacyConversationsItem.watch((raw) => raw !== null && raw !== undefined && store.noteLegacy());
  // Read (and if needed repair) history early, so a problem is reported to the first panel.
  void store.summaries();
  void sweepImages({ ...imageIO, readAllConversations: historyIO.readAllConversations }, images.fresh(), Date.now()).catch((e: unknown) =>
    console.warn('Image sweep failed', e),
  );
  const followSettings = oneAtATime(async () => {
    const s = await readSettings();
    await Promise.all([applyOriginRule(s), refreshMenus(s)]);
  });
  watchSettings(() => void followSettings());
  void followSettings();
}
