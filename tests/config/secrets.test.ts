import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readSecrets } from '../../src-main/config/secrets';

describe('secrets', () => {
  it('come from environment variables and never print', () => {
    const secrets = readSecrets({ BOTV2_EXCHANGE_API_KEY: ' key-123 ', BOTV2_EXCHANGE_API_SECRET: '' });
    expect(Object.keys(secrets)).toEqual(['exchangeApiKey']);
    const key = secrets.exchangeApiKey!;
    expect(key.reveal()).toBe('key-123');
    expect(String(key)).toBe('[redacted]');
    expect(JSON.stringify({ key })).toBe('{"key":"[redacted]"}');
    expect(inspect({ key })).not.toContain('key-123');
  });
});
