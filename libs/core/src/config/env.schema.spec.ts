import { InvalidConfigError, parseEnv } from './env.schema.js';

describe('parseEnv', () => {
  it('reads a valid environment with its defaults', () => {
    const env = parseEnv({ WORKER_CONCURRENCY: '4' });
    expect(env.WORKER_CONCURRENCY).toBe(4);
    expect(env.DB_POOL_MAX).toBeGreaterThan(env.WORKER_CONCURRENCY);
  });

  it('names every wrong variable in one message', () => {
    const parse = () => parseEnv({ PORT: 'eighty', REDIS_URL: 'http://x' });
    expect(parse).toThrow(/- PORT: /);
    expect(parse).toThrow(/- REDIS_URL: must be a redis:\/\/ URL/);
  });

  it('refuses a connection pool no larger than the worker concurrency', () => {
    const parse = () => parseEnv({ DB_POOL_MAX: '10', WORKER_CONCURRENCY: '10' });
    expect(parse).toThrow(InvalidConfigError);
    expect(parse).toThrow(/DB_POOL_MAX: must be larger than WORKER_CONCURRENCY/);
    expect(parseEnv({ DB_POOL_MAX: '11', WORKER_CONCURRENCY: '10' }).DB_POOL_MAX).toBe(11);
  });

  it('requires a signing secret of its own in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set/);
  });
});
