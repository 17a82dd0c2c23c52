import { SHORTCUTS } from './useShortcuts';

export function ShortcutsHelp() {
  return (
    <section aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table class="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>{s.keys}</td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
