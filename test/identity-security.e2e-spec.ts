import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import { AuthService, InstallationSecrets } from '@suara/identity';
import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';

const ME = '{ me { email } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const CREATE = 'mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { id } }';
/** The constant every install used to sign with when JWT_SECRET was unset. */
const OLD_PUBLIC_DEFAULT = 'suara-development-secret-change-me-0123456789';
const LOCK_AFTER = 4;
const ADDRESS_LOCK_AFTER = 12;

type Answer = { errors?: { extensions?: { code?: string; field?: string } }[] };
const codeOf = (res: Answer) => res.errors?.[0]?.extensions?.code;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** GET with HTTP basic auth, sent from a chosen loopback address so the API sees another client. */
function basicAuthGet(
  url: string,
  authorization: string,
  localAddress: string,
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization }, localAddress }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode! }));
    });
    req.on('error', reject);
    req.end();
  });
}
const basic = (email: string, password: string) =>
  `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

describe('staff identity under attack: sizes, secrets, tokens, lockouts, audit volume', () => {
  let stack: SuaraTestStack;
  let redis: Redis;
  let admin: Record<string, string>;
  let adminId: string;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({
      env: {
        LOGIN_SLOW_AFTER: '2',
        LOGIN_LOCK_AFTER: String(LOCK_AFTER),
        LOGIN_ADDRESS_LOCK_AFTER: String(ADDRESS_LOCK_AFTER),
        LOGIN_LOCK_S: '60',
      },
    });
    redis = new Redis(stack.config.env.REDIS_URL);
    admin = await stack.login('admin@demo.suara.id');
    [{ id: adminId }] = await stack.sql<{ id: string }>(
      "select id from staff_user where email = 'admin@demo.suara.id'",
    );
  });
  afterAll(async () => {
    redis.disconnect();
    await stack.stop();
  });

  /** Every Redis key of this test file's deployment. */
  const keys = () => redis.keys(`${stack.config.env.REDIS_PREFIX}:*`);
  const auditCount = async (action: string, where: string, params: unknown[]) =>
    (
      await stack.sql<{ n: number }>(
        `select count(*)::int as n from audit_entry where action = ? and ${where}`,
        [action, ...params],
      )
    )[0].n;

  describe('sizes of what a client sends', () => {
    it('refuses a 9 MB email at once, before hashing, counting or storing it', async () => {
      const huge = `${'a'.repeat(9 * 1024 * 1024)}@x.id`;
      const started = Date.now();
      const res = await graphql(stack.url, LOGIN, { e: huge, p: 'whatever-password' });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe('email');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect((await keys()).filter((k) => k.length > 200)).toEqual([]);

      const longPassword = await graphql(stack.url, LOGIN, {
        e: 'admin@demo.suara.id',
        p: 'x'.repeat(1025),
      });
      expect(codeOf(longPassword)).toBe('BAD_USER_INPUT');
      expect(longPassword.errors![0].extensions!.field).toBe('password');
    });

    it('refuses an oversized basic-auth header without touching Redis', async () => {
      const dashboard = `${stack.url}/admin/queues`;
      const header = basic(`${'b'.repeat(6_000)}@x.id`, 'whatever-password');
      expect((await basicAuthGet(dashboard, header, '127.0.0.1')).status).toBe(401);
      expect((await keys()).filter((k) => k.length > 200)).toEqual([]);
    });

    it('answers an unknown long email as bad credentials, audited under a hash of it', async () => {
      const email = `${'warga'.repeat(14)}@contoh.go.id`;
      expect(email.length).toBeGreaterThan(64);
      const res = await graphql(stack.url, LOGIN, { e: email, p: 'bukan-sandi-123' });
      expect(res.status).toBeLessThan(500);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(await auditCount('auth.login_failed', 'subject_id = ?', [sha256(email)])).toBe(1);
      expect(
        await auditCount(
          'auth.login_failed',
          "(subject_id = ? or after::text like '%' || ? || '%')",
          [email, email],
        ),
      ).toBe(0);
    });

    it('answers an email or name holding a NUL or other control character with BAD_USER_INPUT, not a 500', async () => {
      for (const email of ['admin\u0000@demo.suara.id', 'admin@demo.suara.id\u0085']) {
        const res = await graphql(stack.url, LOGIN, { e: email, p: 'bukan-sandi-123' });
        expect({
          status: res.status,
          code: codeOf(res),
          field: res.errors?.[0].extensions?.field,
        }).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          field: 'email',
        });
      }
      const res = await graphql(
        stack.url,
        CREATE,
        {
          i: {
            email: 'petugas.kendali@medan.go.id',
            name: 'Petu\u0000gas',
            password: 'rahasia-sekali-123',
            role: 'PLANNER',
          },
        },
        admin,
      );
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('answers a too long staff name or email with BAD_USER_INPUT and its field', async () => {
      const input = {
        email: 'petugas.panjang@medan.go.id',
        name: 'Petugas',
        password: 'rahasia-sekali-123',
        role: 'PLANNER',
      };
      const longName = await graphql(
        stack.url,
        CREATE,
        { i: { ...input, name: 'N'.repeat(121) } },
        admin,
      );
      expect(codeOf(longName)).toBe('BAD_USER_INPUT');
      expect(longName.errors![0].extensions!.field).toBe('name');
      const longEmail = await graphql(
        stack.url,
        CREATE,
        { i: { ...input, email: `${'e'.repeat(250)}@x.id` } },
        admin,
      );
      expect(codeOf(longEmail)).toBe('BAD_USER_INPUT');
      expect(longEmail.errors![0].extensions!.field).toBe('email');
      const [{ n }] = await stack.sql<{ n: number }>(
        "select count(*)::int as n from staff_user where email like 'petugas.panjang%' or length(email) > 200",
      );
      expect(n).toBe(0);
    });
  });

  describe('the signing secret and the claims a token must carry', () => {
    const installationSecret = async () =>
      (
        await stack.sql<{ value: string }>(
          "select value from installation_secret where name = 'jwt-signing-key'",
        )
      )[0].value;

    it('refuses a token forged with the old public default secret', async () => {
      const forged = await new JwtService({ secret: OLD_PUBLIC_DEFAULT }).signAsync(
        { sub: adminId, role: 'ADMIN' },
        { expiresIn: 600, issuer: 'suara' },
      );
      expect(codeOf(await graphql(stack.url, ME, {}, bearer(forged)))).toBe('UNAUTHENTICATED');
    });

    it('refuses tokens without exp, without or with a wrong iss, or whose sub is not an id', async () => {
      const jwt = stack.apis[0].get(JwtService);
      const noExp = await jwt.signAsync({ sub: adminId, role: 'ADMIN' });
      const wrongIssuer = await jwt.signAsync(
        { sub: adminId, role: 'ADMIN' },
        { expiresIn: 600, issuer: 'another-app' },
      );
      const noIssuer = await new JwtService({ secret: await installationSecret() }).signAsync(
        { sub: adminId, role: 'ADMIN' },
        { expiresIn: 600 },
      );
      const objectSub = await jwt.signAsync(
        { sub: { $ne: null }, role: 'ADMIN' } as unknown as object,
        { expiresIn: 600 },
      );
      for (const token of [noExp, wrongIssuer, noIssuer, objectSub])
        expect(codeOf(await graphql(stack.url, ME, {}, bearer(token)))).toBe('UNAUTHENTICATED');
      const proper = await jwt.signAsync({ sub: adminId, role: 'ADMIN' }, { expiresIn: 600 });
      expect(codeOf(await graphql(stack.url, ME, {}, bearer(proper)))).toBeUndefined();
    });

    it('generates one secret per installation, shared by every API process on its database', async () => {
      const second = await stack.startApi();
      const secrets = [stack.apis[0], second].map((app) => app.get(InstallationSecrets));
      // Two processes starting together on a fresh name agree on one value.
      const [a, b] = await Promise.all(secrets.map((s) => s.get('concurrent-first-start')));
      expect(a).toBe(b);
      const rows = await stack.sql<{ name: string; value: string }>(
        'select name, value from installation_secret order by name',
      );
      expect(rows.map((r) => r.name)).toEqual(['concurrent-first-start', 'jwt-signing-key']);
      expect(rows[1].value).not.toBe(OLD_PUBLIC_DEFAULT);
      expect(rows[1].value.length).toBeGreaterThanOrEqual(32);

      const token = (
        await graphql(stack.url, LOGIN, {
          e: 'planner@demo.suara.id',
          p: stack.config.env.DEMO_PASSWORD,
        })
      ).data!.login.accessToken as string;
      const fromSecond = await graphql(stack.urlOf(1), ME, {}, bearer(token));
      expect(fromSecond.data!.me.email).toBe('planner@demo.suara.id');
    });

    it('signs with JWT_SECRET instead when it is set', async () => {
      const configured = 'c'.repeat(48);
      const third = await stack.startApi({ JWT_SECRET: configured });
      const index = stack.apis.indexOf(third);
      const token = await new JwtService({ secret: configured }).signAsync(
        { sub: adminId, role: 'ADMIN' },
        { expiresIn: 600, issuer: 'suara' },
      );
      expect((await graphql(stack.urlOf(index), ME, {}, bearer(token))).data!.me.email).toBe(
        'admin@demo.suara.id',
      );
      expect(codeOf(await graphql(stack.url, ME, {}, bearer(token)))).toBe('UNAUTHENTICATED');
    });
  });

  describe('failed passwords count per account and client address', () => {
    it("a stranger's failures lock the stranger out, not the account's owner elsewhere", async () => {
      const auth = stack.apis[0].get(AuthService);
      const email = 'coordinator.mdn@demo.suara.id';
      const password = stack.config.env.DEMO_PASSWORD;
      for (let i = 0; i < LOCK_AFTER; i++)
        await expect(
          auth.verifyCredentials(email, 'salah-salah-salah', '203.0.113.9'),
        ).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
        });
      await expect(auth.verifyCredentials(email, password, '203.0.113.9')).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      await expect(auth.verifyCredentials(email, password, '198.51.100.7')).resolves.toMatchObject({
        email,
      });
    });

    it('the dashboard basic auth cannot lock an admin out of the login form', async () => {
      const dashboard = `${stack.url}/admin/queues`;
      const statuses: number[] = [];
      for (let i = 0; i <= LOCK_AFTER; i++)
        statuses.push(
          (
            await basicAuthGet(
              dashboard,
              basic('admin@demo.suara.id', 'tebak-tebakan'),
              '127.0.0.2',
            )
          ).status,
        );
      expect(statuses).toEqual([...Array(LOCK_AFTER).fill(401), 429]);
      const right = basic('admin@demo.suara.id', stack.config.env.DEMO_PASSWORD);
      expect((await basicAuthGet(dashboard, right, '127.0.0.2')).status).toBe(429);
      expect((await basicAuthGet(dashboard, right, '127.0.0.3')).status).toBe(200);
      const login = await graphql(stack.url, LOGIN, {
        e: 'admin@demo.suara.id',
        p: stack.config.env.DEMO_PASSWORD,
      });
      expect(codeOf(login)).toBeUndefined();
    });

    it('writes audit rows up to the lock, then one for the lock, then none', async () => {
      const auth = stack.apis[0].get(AuthService);
      const email = 'coordinator.tpi@demo.suara.id';
      const [{ id }] = await stack.sql<{ id: string }>(
        'select id from staff_user where email = ?',
        [email],
      );
      for (let i = 0; i < LOCK_AFTER + 6; i++)
        await auth
          .verifyCredentials(email, 'salah-salah-salah', '192.0.2.44')
          .catch(() => undefined);
      expect(await auditCount('auth.login_failed', 'subject_id = ?', [id])).toBe(LOCK_AFTER);
      expect(await auditCount('auth.login_locked', 'subject_id = ?', [id])).toBe(1);
    });

    it('one address spraying many accounts is refused and its audit rows bounded', async () => {
      const auth = stack.apis[0].get(AuthService);
      const codes: string[] = [];
      for (let i = 0; i < ADDRESS_LOCK_AFTER + 8; i++)
        codes.push(
          await auth
            .verifyCredentials(`tebakan${i}@contoh.go.id`, 'salah-salah-salah', '192.0.2.99')
            .then(
              () => 'OK',
              (e: { code: string }) => e.code,
            ),
        );
      expect(codes.slice(0, ADDRESS_LOCK_AFTER).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
      expect(codes.slice(ADDRESS_LOCK_AFTER).every((c) => c === 'RATE_LIMITED')).toBe(true);
      const rows = await auditCount('auth.login_failed', "after->>'clientAddress' = ?", [
        '192.0.2.99',
      ]);
      expect(rows).toBe(ADDRESS_LOCK_AFTER);
    });
  });
});
