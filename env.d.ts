// Build flags we define ourselves (wxt.config.ts); WXT's own are in .wxt/types/globals.d.ts.
interface ImportMetaEnv {
  /** True only in the e2e build (OLLAMA_CHAT_TEST=1): test seams are constant-folded away elsewhere. */
  readonly OLLAMA_CHAT_TEST: boolean;
}
