import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GECKO_ID, MANIFEST_KEY } from './lib/extension-id';

// Local Ollama hosts we may talk to without asking; anything else is requested at runtime.
const LOCAL_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];
const REMOTE_HOSTS = ['http://*/*', 'https://*/*'];

// `npm run bench` builds with OLLAMA_CHAT_BENCH=1: only then is its baseline page built, and into
// its own folder, so the shipped build never contains it and the other builds never lose it.
const BENCH = process.env.OLLAMA_CHAT_BENCH === '1';
// The e2e build (OLLAMA_CHAT_TEST=1, scripts/build-test.mjs) goes to .output/test/<browser>: only it
// has the test hooks (import.meta.env.OLLAMA_CHAT_TEST, constant-folded so the shipped build
// drops them) and the e2e probe page. `npm start` and users get the plain .output/<browser>.
const TEST = process.env.OLLAMA_CHAT_TEST === '1';
// The store packages (`npm run zip`, scripts/zip.mjs) leave out the manifest `key`: the Chrome Web
// Store refuses it and gives the item its own id. Everything else keeps it (a fixed id for testing).
const STORE = process.env.OLLAMA_CHAT_STORE === '1';
if (BENCH && TEST) throw new Error('OLLAMA_CHAT_BENCH and OLLAMA_CHAT_TEST build different things: set one.');
const ONLY_IN: Record<string, boolean> = { 'bench-baseline': BENCH, 'e2e-probe': TEST };

export default defineConfig({
  ...(BENCH ? { outDir: '.output/bench' } : TEST ? { outDir: '.output/test' } : {}),
  hooks: {
    // WXT takes the sidebar's title from the panel page's <title>; the manifest's is localized.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_ext_name__';
    },
    'entrypoints:found': (_wxt, infos) => {
      for (const [name, wanted] of Object.entries(ONLY_IN)) {
        const i = infos.findIndex((e) => e.name === name);
        if (!wanted && i >= 0) infos.splice(i, 1);
      }
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.OLLAMA_CHAT_TEST': JSON.stringify(TEST) },
  }),
  manifest: ({ browser }) => ({
    // The store and the browser show these in the user's language (public/_locales).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    ...(browser === 'firefox' || STORE ? {} : { key: MANIFEST_KEY }),
    permissions: [
      'storage',
      // History is never evicted to fit a quota (seed-system.md: no silent loss).
      'unlimitedStorage',
      'declarativeNetRequestWithHostAccess',
      'contextMenus',
      // The page's title and address for a selection: a menu click grants activeTab for that tab,
      // and only with it do Chrome and Firefox fill tab.title/tab.url in the click (both verified
      // with real menu clicks). Narrower than "tabs", which would expose every tab's address.
      'activeTab',
      // "Chat with this page" runs its extraction (page-extract.js) in the tab: on the tab activeTab
      // covers, or on the pages switched to once the optional http/https access (below) is given.
      'scripting',
      // To ask the user-installed helper (native-host/) to start Ollama; it can run nothing else.
      'nativeMessaging',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' }, description: '__MSG_ext_open__' } }
        : { _execute_action: { suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' }, description: '__MSG_ext_open__' } },
    host_permissions: LOCAL_HOSTS,
    // A non-local Ollama is asked for at runtime (Settings); MV2 spells that optional_permissions.
    // <all_urls>: asked from the Screenshot button's click only, as tabs.captureVisibleTab needs
    // it (or activeTab, which covers only the tab the toolbar button was clicked on).
    // "Chat with this page" asks for the http(s) ones (from its toggle's click) to follow the active tab.
    ...(browser === 'firefox' ? { optional_permissions: [...REMOTE_HOSTS, '<all_urls>'] } : { optional_host_permissions: [...REMOTE_HOSTS, '<all_urls>'] }),
    action: { default_title: '__MSG_ext_open__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // The newest of what the code needs: data_collection_permissions (140, which AMO
              // requires of new add-ons); the rest is older (storage.session 115, DNR 113).
              // addons-linter in npm test fails on a key this version lacks (scripts/lint-firefox.mjs).
              strict_min_version: '140.0',
              // Firefox requires this declaration for new add-ons; we collect nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
