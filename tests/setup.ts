// Runs before every unit test file. Files in the node environment have no DOM to patch.
if (typeof Node !== 'undefined') await import('./components/markdown/support/happy-dom-compat');
