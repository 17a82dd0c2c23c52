import { describe, expect, it, vi } from 'vitest';
import { buildOriginRule, installOriginRules, ORIGIN_RULE_ID } from '../../../lib/origin/rule';

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
    await installOriginRules(dnr, ['http://127.0.0.1:8080'], 'ext');
    expect(dnr.updateDynamicRules).toHaveBeenCalledWith({
      removeRuleIds: expect.arrayContaining([ORIGIN_RULE_ID]),
      addRules: [expect.objectContaining({ id: ORIGIN_RULE_ID })],
    });
  });

  it('one rule per server origin, each scoped to its own URL; a removed server loses its rule', async () => {
    const dnr = { updateDynamicRules: vi.fn(async () => {}) };
    await installOriginRules(dnr, ['http://localhost:11434', 'https://gpu.lan/ollama', 'https://gpu.lan/other', 'http://127.0.0.1:9'], 'ext');
    const [{ removeRuleIds, addRules }] = dnr.updateDynamicRules.mock.calls[0] as unknown as [
      { removeRuleIds: number[]; addRules: { id: number; condition: { urlFilter: string; initiatorDomains: string[] } }[] },
    ];
    expect(addRules.map((r) => [r.id, r.condition.urlFilter])).toEqual([
      [1, '|http://localhost:11434/'],
      [2, '|https://gpu.lan/'],
      [3, '|http://127.0.0.1:9/'],
    ]);
    expect(addRules.every((r) => r.condition.initiatorDomains.join() === 'ext')).toBe(true);
    // The ids of every rule we could have added before, so a server removed since loses its rule.
    expect(removeRuleIds).toEqual(expect.arrayContaining([1, 2, 3, 4, 16]));
    await installOriginRules(dnr, ['http://localhost:11434'], 'ext');
    expect((dnr.updateDynamicRules.mock.calls[1] as unknown as [{ addRules: unknown[] }])[0].addRules).toHaveLength(1);
  });
});
