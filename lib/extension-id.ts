/**
 * The manifest `key` pins the Chrome extension id, so native-messaging `allowed_origins`
 * and docs hold for unpacked installs. The id is derived from the key (sha256 → a-p).
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqIFI4O7lnSkXX2tqcA15K2fCnYIS738UTmbe06fpDvImF7FvwZnKtRAZ6iWu0hOCecH0HKzoiaI9tRCPEsFeGnT7Bh3Wegw69SpxNLk+s71Q/I0XaN11J8tjUZBjgMbcY7F/CSaXenRfLsn+SIq9HNaK/hG48cTnYUT4X872i3z+C2hbuRdufpubMRqJnyrCTSCwEHPPfcJ72P0aklbGspi1DfNaZ/oK/cO44m0C8ngIaq4npGXiLgCDApOHR9bfrFLPGqbFeG5Q0kEw/yCb6wDs/Ky6g4fDpIfypX7SjcJ0pNu390L1uzqqA7h5jRBdZCRxaENFjL5/t0eHQoyuswIDAQAB';

/** Chrome extension id derived from MANIFEST_KEY. */
export const CHROME_EXTENSION_ID = 'mbcjnhboajekpfnlfaeommegidfehgna';

/** Firefox add-on id (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'ollama-chat@ollama-chat.dev';
