import { JwtService } from '@nestjs/jwt';
import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';

const ME = '{ me { email role agencyCode } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

describe('staff identity: accounts, tokens, failed logins', () => {
  let stack: SuaraTestStack;
  let admin: Record<string, string>;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({
      env: { LOGIN_SLOW_AFTER: '2', LOGIN_LOCK_AFTER: '4', LOGIN_LOCK_S: '60' },
    });
    admin = await stack.login('admin@demo.suara.id');
  });
  afterAll(async () => {
    await stack.stop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) =>
    res.errors?.[0]?.extensions?.code;

  it('signs in with a token that works, and audits the login', async () => {
    const res = await graphql(stack.url, ME, {}, await stack.login('staff.mdn-dlh@demo.suara.id'));
    expect(res.data!.me).toEqual({
      email: 'staff.mdn-dlh@demo.suara.id',
      role: 'AGENCY_STAFF',
      agencyCode: 'MDN-DLH',
    });
    const [logins] = await stack.sql<{ n: number }>(
      `select count(*)::int as n from audit_entry
        where action = 'auth.login' and actor_type = 'STAFF'
          and subject_id = (select id::text from staff_user where email = 'staff.mdn-dlh@demo.suara.id')`,
    );
    expect(logins.n).toBe(1);
  });

  it('answers UNAUTHENTICATED to expired, tampered and foreign tokens', async () => {
    const jwt = stack.apis[0].get(JwtService);
    const [{ id }] = await stack.sql<{ id: string }>(
      "select id from staff_user where email = 'admin@demo.suara.id'",
    );
    const expired = await jwt.signAsync({ sub: id, role: 'ADMIN' }, { expiresIn: -60 });
    expect(codeOf(await graphql(stack.url, ME, {}, bearer(expired)))).toBe('UNAUTHENTICATED');

    const good = admin.authorization.slice('Bearer '.length);
    const [head, body, signature] = good.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', sub: id })).toString(
      'base64url',
    );
    const tampered = `${head}.${forgedBody}.${signature.slice(0, -2)}xx`;
    expect(codeOf(await graphql(stack.url, ME, {}, bearer(tampered)))).toBe('UNAUTHENTICATED');

    const foreign = await new JwtService({
      secret: 'another-deployment-secret-0123456789abcdef',
    }).signAsync({ sub: id, role: 'ADMIN' });
    expect(codeOf(await graphql(stack.url, ME, {}, bearer(foreign)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graphql(stack.url, ME, {}, {}))).toBe('UNAUTHENTICATED');
  });

  it("ends a deactivated user's sessions at once", async () => {
    const created = await graphql(
      stack.url,
      'mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { id } }',
      {
        i: {
          email: 'petugas.baru@medan.go.id',
          name: 'Petugas Baru',
          password: 'rahasia-sekali-123',
          role: 'AGENCY_STAFF',
          agencyCode: 'MDN-DLH',
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const login = await graphql(stack.url, LOGIN, {
      e: 'petugas.baru@medan.go.id',
      p: 'rahasia-sekali-123',
    });
    const token = bearer(login.data!.login.accessToken);
    expect((await graphql(stack.url, ME, {}, token)).data!.me.email).toBe(
      'petugas.baru@medan.go.id',
    );

    const off = await graphql(
      stack.url,
      'mutation($id: ID!) { deactivateStaffUser(id: $id) { active } }',
      { id: created.data!.createStaffUser.id },
      admin,
    );
    expect(off.data!.deactivateStaffUser.active).toBe(false);
    expect(codeOf(await graphql(stack.url, ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graphql(stack.url, '{ feedbackQueue { totalCount } }', {}, token))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      codeOf(
        await graphql(stack.url, LOGIN, { e: 'petugas.baru@medan.go.id', p: 'rahasia-sekali-123' }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('slows and then refuses repeated failed logins, even with the right password', async () => {
    const email = 'staff.tpi-dlh@demo.suara.id';
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(codeOf(await graphql(stack.url, LOGIN, { e: email, p: 'salah-salah-salah' })));
    expect(codes.slice(0, 4)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    expect(codes[4]).toBe('RATE_LIMITED');
    const right = await graphql(stack.url, LOGIN, { e: email, p: stack.config.env.DEMO_PASSWORD });
    expect(codeOf(right)).toBe('RATE_LIMITED');
    expect(right.errors![0].extensions!.reason).toBe('identity.locked');
    expect(right.errors![0].message).toMatch(/Coba lagi dalam \d+ menit/);
  });
});
