import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyView } from '../../components/LazyView';

afterEach(cleanup);

describe('lazyView', () => {
  it('renders the view once its chunk has loaded, and at once on later openings', async () => {
    let loads = 0;
    const Hello = ({ name }: { name: string }) => <p>Hello {name}</p>;
    const View = lazyView(async () => {
      loads++;
      return Hello;
    }, 'The reply view');
    render(<View name="llama" />);
    expect(await screen.findByText('Hello llama')).toBeTruthy();
    cleanup();
    render(<View name="again" />);
    expect(screen.getByText('Hello again')).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('says so when the chunk cannot load (files replaced by an update)', async () => {
    const View = lazyView<object>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), 'Settings');
    render(<View />);
    expect((await screen.findByRole('alert')).textContent).toBe('Settings could not be loaded: reopen the panel and try again.');
  });

  it('preload: loaded before first use, so the first use renders at once', async () => {
    let loads = 0;
    const View = lazyView(async () => {
      loads++;
      return ({ n }: { n: number }) => <p>Reply {n}</p>;
    }, 'The reply view');
    await View.preload();
    render(<View n={1} />);
    expect(screen.getByText('Reply 1')).toBeTruthy();
    await View.preload();
    expect(loads).toBe(1);
  });

  it('a failed load is tried again on the next use', async () => {
    let fail = true;
    const View = lazyView(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return () => <p>Loaded</p>;
    }, 'The reply view');
    await View.preload();
    fail = false;
    render(<View />);
    expect(await screen.findByText('Loaded')).toBeTruthy();
  });
});
