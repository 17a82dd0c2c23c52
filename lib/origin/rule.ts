/**
 * The 403 trap (docs/spec/ollama-wire.md): a default Ollama rejects `Origin: chrome-extension://…` and
 * `moz-extension://…`. We remove the Origin header from the extension's own requests to the
 * configured Ollama server, and from nothing else: the rule is scoped by initiator (our own
 * extension host) and by the server's URL, so web pages talking to the same host are untouched.
 */
import type { Browser } from 'wxt/browser';

type Rule = Browser.declarativeNetRequest.Rule;

export const ORIGIN_RULE_ID = 1;

/** The rule for one base URL; `extensionHost` is the hostname of runtime.getURL(''). */
export function buildOriginRule(baseUrl: string, extensionHost: string): Rule {
  const url = new URL(baseUrl);
  // IPv6 literals cannot be listed in requestDomains; the urlFilter alone scopes those.
  const domain = url.hostname.startsWith('[') ? undefined : url.hostname;
  return {
    id: ORIGIN_RULE_ID,
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
 * Installs (or replaces) the rule. Dynamic rules persist across browser restarts; replacing in one
 * call avoids the "rule id already exists" failure of a plain add.
 */
export async function installOriginRule(dnr: DnrApi, baseUrl: string, extensionHost: string): Promise<void> {
  await dnr.updateDynamicRules({
    removeRuleIds: [ORIGIN_RULE_ID],
    addRules: [buildOriginRule(baseUrl, extensionHost)],
  });
}
