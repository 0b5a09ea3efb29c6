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

  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default', () => {
      expect(parseEnv({}).TRUST_PROXY).toBe(false);
      expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    });

    it('takes a number of proxies or their addresses, as Express does', () => {
      expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
      expect(
        parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8,192.168.1.1' }).TRUST_PROXY,
      ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.1']);
    });

    it('refuses true, which would let every client choose its own address', () => {
      expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(
        /TRUST_PROXY: "true" would trust every hop.*number of proxies/,
      );
    });

    it('names an entry that is not an address or range', () => {
      expect(() => parseEnv({ TRUST_PROXY: 'loopback,10.0.0.0/33,proxy.local' })).toThrow(
        /TRUST_PROXY: "10.0.0.0\/33", "proxy.local" is not an address/,
      );
    });
  });
});
