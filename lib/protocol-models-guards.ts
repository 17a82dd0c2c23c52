/** Shape checks for the Models messages (lib/protocol-models.ts), both directions. */
import type { Guards } from './protocol';
import type { ModelsReply, ModelsRequest } from './protocol-models';

type Fields = Record<string, unknown>;
const isString = (x: unknown): x is string => typeof x === 'string';
const named = (m: Fields) => isString(m.name) && m.name.trim().length > 0 && m.name.length <= 500;
const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);
const isBytes = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const optional = (x: unknown, check: (y: unknown) => boolean) => x === undefined || check(x);
const stringList = (x: unknown) => Array.isArray(x) && x.every(isString);

const isInstalled = (x: unknown) =>
  isObject(x) &&
  named(x) &&
  isBytes(x.size) &&
  optional(x.family, isString) &&
  optional(x.parameterSize, isString) &&
  optional(x.quantization, isString) &&
  optional(x.contextLength, isBytes) &&
  optional(x.capabilities, stringList);
const isLoaded = (x: unknown) => isObject(x) && named(x) && isBytes(x.size) && isBytes(x.sizeVram) && isString(x.expiresAt);
const isLayer = (x: unknown) => isObject(x) && isString(x.digest) && isBytes(x.total) && isBytes(x.completed);
const isPull = (x: unknown) =>
  isObject(x) &&
  named(x) &&
  isString(x.status) &&
  Array.isArray(x.layers) &&
  x.layers.every(isLayer) &&
  isBytes(x.completed) &&
  isBytes(x.total) &&
  optional(x.bytesPerSecond, isBytes) &&
  optional(x.etaSeconds, isBytes);

export const MODELS_PANEL_GUARDS: Guards<ModelsRequest> = {
  'models/list': () => true,
  'models/pull': named,
  'models/pull-cancel': named,
  'models/unload': named,
  'models/delete': named,
};

export const MODELS_BACKGROUND_GUARDS: Guards<ModelsReply> = {
  'models/list': (m) =>
    Array.isArray(m.installed) && m.installed.every(isInstalled) && Array.isArray(m.loaded) && m.loaded.every(isLoaded) && optional(m.error, isString),
  'models/progress': (m) => isPull(m.pull),
  'models/pull-done': (m) => named(m) && ['success', 'cancelled', 'failed'].includes(m.outcome as string) && isString(m.message),
  'models/result': (m) => (m.action === 'unload' || m.action === 'delete') && named(m) && typeof m.ok === 'boolean' && isString(m.message),
};
