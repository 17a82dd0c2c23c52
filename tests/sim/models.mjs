// @ts-check
// The installed models and the shapes /api/tags, /api/show and /api/ps describe them with.
import { createHash } from 'node:crypto';

/**
 * A model the simulator reports as installed. capabilities: default ['completion']; 'thinking' streams
 * message.thinking first, 'tools' allows `tools`. contextLength: the maximum /api/show reports
 * (default 131072); null: /api/show does not say.
 * @typedef {{ name: string, family?: string, parameterSize?: string, capabilities?: string[], contextLength?: number | null }} SimModel
 */

/** @type {SimModel[]} */
export const DEFAULT_MODELS = [
  { name: 'llama3.2:latest', family: 'llama', parameterSize: '3.2B', capabilities: ['completion', 'tools'] },
  { name: 'qwen3:0.6b', family: 'qwen3', parameterSize: '751.63M', capabilities: ['completion', 'thinking'] },
  { name: 'llama3:latest', family: 'llama', parameterSize: '8.0B', capabilities: ['completion'] },
];

/**
 * A vision model (/api/show lists "vision"), for tests of images: not among the defaults, so
 * tests that count the installed models are unchanged. Add it with `models: [...DEFAULT_MODELS, VISION_MODEL]`.
 * @type {SimModel}
 */
export const VISION_MODEL = { name: 'gemma3:4b', family: 'gemma3', parameterSize: '4.3B', capabilities: ['completion', 'vision'] };

/** Models the "registry" has; anything else is unknown. Sizes are small: pulls are timed by pullMs. */
/** @type {SimModel[]} */
export const DEFAULT_REGISTRY = [
  { name: 'llama3.2:1b', family: 'llama', parameterSize: '1.2B', capabilities: ['completion', 'tools'] },
  { name: 'qwen3:1.7b', family: 'qwen3', parameterSize: '2.0B', capabilities: ['completion', 'thinking'] },
];

const MODIFIED_AT = '2025-05-04T17:37:44.706015396-07:00';

/**
 * Go's time.RFC3339Nano in UTC: fractional seconds without trailing zeros.
 * @param {number} [epochMs]  defaults to now, with sub-millisecond precision
 */
export function rfc3339(epochMs = performance.timeOrigin + performance.now()) {
  const whole = Math.floor(epochMs);
  const micros = Math.floor((epochMs - whole) * 1000);
  const iso = new Date(whole).toISOString(); // 2025-10-26T17:21:21.196Z
  const frac = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

/**
 * `llama3.2` means `llama3.2:latest`; names compare case-insensitively like Ollama's lookup.
 * @param {string} name
 */
export function normalizeName(name) {
  const n = name.trim().toLowerCase();
  return n.includes(':') ? n : `${n}:latest`;
}

/**
 * @param {SimModel[]} models
 * @param {string} name
 */
export function findModel(models, name) {
  const wanted = normalizeName(name);
  return models.find((m) => normalizeName(m.name) === wanted);
}

/** @param {SimModel} m */
export const capabilitiesOf = (m) => m.capabilities ?? ['completion'];

/** @param {SimModel} m */
function facts(m) {
  const base = m.name.split(':')[0] ?? m.name;
  const family = m.family ?? (base.replace(/[\d.]+$/, '') || base);
  const tag = m.name.split(':')[1] ?? '';
  const parameterSize = m.parameterSize ?? (/^\d+(\.\d+)?[bm]$/i.test(tag) ? tag.toUpperCase() : '7.6B');
  const scale = parameterSize.endsWith('M') ? 1e6 : 1e9;
  const parameterCount = Math.round(Number.parseFloat(parameterSize) * scale) || 7.6e9;
  // Q4_K_M is about 4.85 bits per weight.
  const size = Math.round(parameterCount * 0.606 + 1.2e8);
  const digest = createHash('sha256').update(m.name).digest('hex');
  return { family, parameterSize, parameterCount, size, digest };
}

/** @param {SimModel} m */
function details(m) {
  const f = facts(m);
  return {
    parent_model: '',
    format: 'gguf',
    family: f.family,
    families: [f.family],
    parameter_size: f.parameterSize,
    quantization_level: 'Q4_K_M',
  };
}

/** @param {SimModel} m */
export function tagsEntry(m) {
  const f = facts(m);
  return {
    name: m.name,
    model: m.name,
    modified_at: MODIFIED_AT,
    size: f.size,
    digest: f.digest,
    details: details(m),
    capabilities: capabilitiesOf(m),
  };
}

/**
 * @param {SimModel} m
 * @param {number} expiresAtMs
 * @param {number} contextLength
 */
export function psEntry(m, expiresAtMs, contextLength) {
  const f = facts(m);
  return {
    name: m.name,
    model: m.name,
    size: f.size,
    digest: f.digest,
    details: details(m),
    expires_at: rfc3339(expiresAtMs),
    size_vram: f.size,
    context_length: contextLength,
  };
}

/** @param {SimModel} m */
export function showEntry(m) {
  const f = facts(m);
  const thinking = capabilitiesOf(m).includes('thinking');
  const template = thinking
    ? '{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ if .Thinking }}<think>{{ .Thinking }}</think>{{ end }}{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n'
    : '{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n{{ .Content }}<|eot_id|>{{ end }}<|start_header_id|>assistant<|end_header_id|>\n\n';
  const stop = thinking ? '<|im_end|>' : '<|eot_id|>';
  return {
    modelfile: `# Modelfile generated by "ollama show"\n# To build a new Modelfile based on this, replace FROM with:\n# FROM ${m.name}\n\nFROM /root/.ollama/models/blobs/sha256-${f.digest}\nTEMPLATE """${template}"""\nPARAMETER stop ${stop}\n`,
    parameters: `stop                           "${stop}"`,
    template,
    details: details(m),
    model_info: {
      'general.architecture': f.family,
      'general.file_type': 15,
      'general.parameter_count': f.parameterCount,
      'general.quantization_version': 2,
      ...(m.contextLength === null ? {} : { [`${f.family}.context_length`]: m.contextLength ?? 131072 }),
      [`${f.family}.embedding_length`]: 3072,
    },
    capabilities: capabilitiesOf(m),
    modified_at: MODIFIED_AT,
  };
}
