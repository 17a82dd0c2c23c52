import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/styles.css';
import { followTheme } from './theme';

followTheme();
const root = document.getElementById('app');
if (root) render(<App />, root);
