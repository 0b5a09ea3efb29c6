import { parseEnv } from './env.schema.js';

describe('parseEnv', () => {
  it('reads a valid environment with its defaults', () => {
    const env = parseEnv({ WORKER_CONCURRENCY: '4' });
    expect(env.WORKER_CONCURRENCY).toBe(4);
    expect(env.DB_POOL_MAX).toBe(12);
  });

  it('names every wrong variable in one message', () => {
    const parse = () => parseEnv({ PORT: 'eighty', REDIS_URL: 'http://x' });
    expect(parse).toThrow(/- PORT: /);
    expect(parse).toThrow(/- REDIS_URL: must be a redis:\/\/ URL/);
  });

  it('has no signing secret of its own to fall back on: none is ever public', () => {
    expect(parseEnv({}).JWT_SECRET).toBeUndefined();
  });

  it('requires a signing secret of its own in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set/);
  });
});
