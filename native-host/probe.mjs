// @ts-check
// "Is Ollama answering?": GET <url>/api/tags, any 2xx within the time limit. No Origin header is sent,
// so a stock Ollama answers (its Origin check only rejects foreign origins).
import http from 'node:http';
import https from 'node:https';

/** @typedef {(url: string, ms: number) => Promise<boolean>} Probe isOllamaUp, or a test's stand-in */

/**
 * Resolves true when GET <baseUrl>/api/tags answers 2xx within timeoutMs; never rejects.
 * @param {string} baseUrl
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function isOllamaUp(baseUrl, timeoutMs = 2000) {
  return new Promise((resolve) => {
    let target;
    try {
      target = new URL('api/tags', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    } catch {
      resolve(false);
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const req = client.get(target, { agent: false }, (res) => {
      res.resume();
      clearTimeout(timer);
      req.destroy();
      // An http.ClientRequest's response always has a status code; `?? 0` only satisfies the type.
      const status = res.statusCode ?? 0;
      resolve(status >= 200 && status < 300);
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(false);
    }, timeoutMs);
    req.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}
