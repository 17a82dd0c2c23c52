// Runs before every unit test file. Files in the node environment have no DOM to patch.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from './support/i18n';

if (typeof Node !== 'undefined') await import('./components/markdown/support/happy-dom-compat');
// The UI's texts in English, as a browser with an English UI shows them.
installI18n(fakeBrowser);
