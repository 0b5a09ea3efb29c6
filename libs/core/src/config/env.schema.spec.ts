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

  describe("citizens' messages", () => {
    it('keeps messages in a folder unless a mail server is named', () => {
      expect(parseEnv({}).SMTP_URL).toBeUndefined();
      expect(parseEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
      expect(parseEnv({}).MAIL_OUTBOX_DIR).toBe('var/mail');
      expect(parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.id:465' }).SMTP_URL).toBe(
        'smtps://u:p@mail.example.id:465',
      );
      expect(() => parseEnv({ SMTP_URL: 'mail.example.id' })).toThrow(/SMTP_URL: must be an smtp/);
    });

    it('builds links on PUBLIC_BASE_URL without a doubled slash, and refuses a query in it', () => {
      expect(parseEnv({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
      expect(parseEnv({ PUBLIC_BASE_URL: 'https://lapor.kota.id/suara/' }).PUBLIC_BASE_URL).toBe(
        'https://lapor.kota.id/suara',
      );
      expect(() => parseEnv({ PUBLIC_BASE_URL: 'https://lapor.kota.id/?a=1' })).toThrow(
        /PUBLIC_BASE_URL/,
      );
    });
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
