// For `import … from './server'` (no extension): the declarations live in server.d.mts.
export * from './server.mjs';
