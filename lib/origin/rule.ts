/**
 * The 403 trap (docs/spec/ollama-wire.md): a default Ollama rejects `Origin: chrome-extension://…` and
 * `moz-extension://…`. We remove the Origin header from the extension's own requests to the
 * configured Ollama servers (one rule per connection's server), and from nothing else: each rule
 * is scoped by initiator (our own extension host) and by its server's URL, so web pages talking to
 * the same hosts are untouched.
 */
import type { Browser } from 'wxt/browser';
import { MAX_CONNECTIONS } from '../connections';

type Rule = Browser.declarativeNetRequest.Rule;

export const ORIGIN_RULE_ID = 1;

/** Rule ids ORIGIN_RULE_ID … ORIGIN_RULE_ID + MAX_CONNECTIONS - 1 are ours: one per server. */
const OUR_RULE_IDS = Array.from({ length: MAX_CONNECTIONS }, (_, i) => ORIGIN_RULE_ID + i);

/** The rule for one base URL; `extensionHost` is the hostname of runtime.getURL(''). */
export function buildOriginRule(baseUrl: string, extensionHost: string, id = ORIGIN_RULE_ID): Rule {
  const url = new URL(baseUrl);
  // IPv6 literals cannot be listed in requestDomains; the urlFilter alone scopes those.
  const domain = url.hostname.startsWith('[') ? undefined : url.hostname;
  return {
    id,
    priority: 1,
    action: {
      type: 'modifyHeaders' as Browser.declarativeNetRequest.RuleActionType,
      requestHeaders: [{ header: 'origin', operation: 'remove' as Browser.declarativeNetRequest.HeaderOperation }],
    },
    condition: {
      urlFilter: `|${url.origin}/`,
      ...(domain ? { requestDomains: [domain] } : {}),
      initiatorDomains: [extensionHost],
      resourceTypes: ['xmlhttprequest' as Browser.declarativeNetRequest.ResourceType],
    },
  };
}

export interface DnrApi {
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
}

/**
 * Installs (or replaces) the rules, one per distinct server origin (two connections to one proxy
 * need one rule). Dynamic rules persist across browser restarts; replacing all of ours in one call
 * avoids the "rule id already exists" failure of a plain add and drops the rule of a removed server.
 */
export async function installOriginRules(dnr: DnrApi, baseUrls: readonly string[], extensionHost: string): Promise<void> {
  const origins = [...new Set(baseUrls.map((u) => new URL(u).origin))].slice(0, MAX_CONNECTIONS);
  await dnr.updateDynamicRules({
    removeRuleIds: OUR_RULE_IDS,
    addRules: origins.map((origin, i) => buildOriginRule(origin, extensionHost, ORIGIN_RULE_ID + i)),
  });
}
