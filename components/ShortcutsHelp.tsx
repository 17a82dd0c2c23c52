import type { SendKey } from '../lib/settings';
import { shortcuts } from './useShortcuts';

export function ShortcutsHelp({ sendKey }: { sendKey: SendKey }) {
  return (
    <section aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table class="shortcuts">
        <tbody>
          {shortcuts(sendKey).map((s) => (
            <tr key={s.what}>
              <td>{s.keys}</td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
