/**
 * The Models view's part of the Port contract (lib/protocol.ts joins it into the unions): the
 * installed and loaded models, pulls running in the background, unload and delete.
 */

/** One installed model: /api/tags, completed by /api/show (context length, capabilities). */
export interface InstalledModel {
  name: string;
  size: number;
  family?: string;
  parameterSize?: string;
  quantization?: string;
  contextLength?: number;
  capabilities?: string[];
}

/** One model in memory now (/api/ps); `expiresAt`: when Ollama unloads it, as it says (RFC 3339). */
export interface LoadedModel {
  name: string;
  size: number;
  sizeVram: number;
  expiresAt: string;
}

/** One layer of a pull as Ollama reports it. */
export interface LayerProgress {
  digest: string;
  total: number;
  completed: number;
}

/** A pull's state as the panels show it (lib/pull-progress.ts computes it from the stream). */
export interface PullProgress {
  name: string;
  /** Ollama's last status line ("pulling manifest", "pulling 1a2b3c…", "verifying sha256 digest"). */
  status: string;
  layers: LayerProgress[];
  completed: number;
  total: number;
  /** Bytes per second lately; absent until two samples were seen. */
  bytesPerSecond?: number;
  /** Seconds left at that speed. */
  etaSeconds?: number;
}

export type PullOutcome = 'success' | 'cancelled' | 'failed';

/** Panel → background. */
export type ModelsRequest =
  | { type: 'models/list' }
  | { type: 'models/pull'; name: string }
  | { type: 'models/pull-cancel'; name: string }
  | { type: 'models/unload'; name: string }
  | { type: 'models/delete'; name: string };

/** Background → panel. `error`: Ollama's words when the list could not be read. */
export type ModelsReply =
  | { type: 'models/list'; installed: InstalledModel[]; loaded: LoadedModel[]; error?: string }
  /** Sent to every panel: on a status change, at most every 250 ms otherwise; and to a panel that connects. */
  | { type: 'models/progress'; pull: PullProgress }
  /** `message`: what to tell the user ("Pulled llama3.2:1b.", or Ollama's error as it words it). */
  | { type: 'models/pull-done'; name: string; outcome: PullOutcome; message: string }
  | { type: 'models/result'; action: 'unload' | 'delete'; name: string; ok: boolean; message: string };
