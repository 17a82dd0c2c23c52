import { describe, expect, it, vi } from 'vitest';
import { buildOriginRule, installOriginRule, ORIGIN_RULE_ID } from '../../../lib/origin/rule';

describe('origin rule', () => {
  it('removes Origin only for our own requests to the configured server', () => {
    const rule = buildOriginRule('http://localhost:11434', 'mbcjnhboajekpfnlfaeommegidfehgna');
    expect(rule.action).toEqual({ type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] });
    expect(rule.condition).toEqual({
      urlFilter: '|http://localhost:11434/',
      requestDomains: ['localhost'],
      initiatorDomains: ['mbcjnhboajekpfnlfaeommegidfehgna'],
      resourceTypes: ['xmlhttprequest'],
    });
  });

  it('IPv6 hosts are scoped by URL alone', () => {
    const rule = buildOriginRule('http://[::1]:11434', 'x');
    expect(rule.condition.requestDomains).toBeUndefined();
    expect(rule.condition.urlFilter).toBe('|http://[::1]:11434/');
  });

  it('replaces the rule in one call so re-installing never fails on a duplicate id', async () => {
    const dnr = { updateDynamicRules: vi.fn(async () => {}) };
    await installOriginRule(dnr, 'http://127.0.0.1:8080', 'ext');
    expect(dnr.updateDynamicRules).toHaveBeenCalledWith({
      removeRuleIds: [ORIGIN_RULE_ID],
      addRules: [expect.objectContaining({ id: ORIGIN_RULE_ID })],
    });
  });
});
