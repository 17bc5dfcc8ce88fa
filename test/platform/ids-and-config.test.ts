import { describe, expect, test } from 'bun:test';
import { createIdGenerator } from '../../src/platform/ids';
import { loadConfig } from '../../src/config';
import { FakeClock } from '../support/fake-clock';

describe('createIdGenerator', () => {
  test('ids carry their prefix and sort by creation, even within one millisecond', () => {
    const clock = new FakeClock();
    const newId = createIdGenerator(clock);
    const ids = [newId('msg'), newId('msg'), newId('msg')];
    clock.advance(1);
    ids.push(newId('msg'));
    expect(ids.every((id) => /^msg_[0-9a-z]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('loadConfig', () => {
  test('uses the documented defaults', () => {
    const result = loadConfig({});
    expect(result.ok && result.config.port).toBe(3000);
    expect(result.ok && result.config.host).toBe('0.0.0.0');
    expect(result.ok && result.config.bodyLimit).toBe(1024 * 1024);
  });

  test('flags win over environment variables', () => {
    const result = loadConfig({ RASIL_PORT: '4000' }, { port: '5000' });
    expect(result.ok && result.config.port).toBe(5000);
  });

  test('reports every bad value at once, one plain sentence each', () => {
    const result = loadConfig({ RASIL_PORT: 'abc', RASIL_LOG_LEVEL: 'loud', RASIL_PUBLIC_URL: 'chat.example.com', RASIL_TRUST_PROXY: 'yes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'RASIL_PORT must be a whole number between 1 and 65535.',
      'RASIL_PUBLIC_URL must be a full web address starting with http:// or https://, for example https://chat.example.com.',
      'RASIL_LOG_LEVEL must be one of debug, info, warn, error, silent.',
      'RASIL_TRUST_PROXY must be true or false.',
    ]);
  });
});
