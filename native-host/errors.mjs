// @ts-check
// A caught value is `unknown`: these read what the host reports from it without assuming an Error.

/** The `code` of a Node system error ('ENOENT', 'EEXIST', …), else undefined. */
export const codeOf = (/** @type {unknown} */ err) => (err instanceof Error && 'code' in err ? err.code : undefined);

/** What to say about a thrown value: its `message` when it has one, else the value itself as text. */
export function messageOf(/** @type {unknown} */ err) {
  const message = err !== null && typeof err === 'object' && 'message' in err ? err.message : undefined;
  return String(message ?? err);
}
