import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/styles.css';
import { uiLocale } from '../../lib/i18n';
import { followTheme } from './theme';

// Screen readers pick their voice, and the browser its hyphenation, from the page's language.
document.documentElement.lang = uiLocale();
followTheme();
const root = document.getElementById('app');
if (root) render(<App />, root);
