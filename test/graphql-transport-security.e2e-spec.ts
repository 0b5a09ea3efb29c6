import { JwtService } from '@nestjs/jwt';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { routedItem } from './support/triage-items.js';

type Message = { id?: string; type: string; payload?: unknown };
type WsError = { message: string; extensions?: { code?: string } };

/**
 * A graphql-ws connection spoken by hand, so a test sees exactly what the
 * server sends and how it closes, without a client library's retries.
 */
class RawWs {
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;
  private readonly acked: Promise<'ack'>;

  constructor(url: string) {
    this.socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    this.socket.on('message', (data) => this.messages.push(JSON.parse(String(data)) as Message));
    this.socket.on('error', () => undefined);
    this.opened = new Promise((resolve) => this.socket.once('open', () => resolve()));
    this.acked = new Promise((resolve) =>
      this.socket.on('message', (data) => {
        if ((JSON.parse(String(data)) as Message).type === 'connection_ack') resolve('ack');
      }),
    );
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
  }

  /** `ack`, or how the server closed the connection instead. */
  async init(payload: Record<string, unknown>): Promise<'ack' | { code: number }> {
    await this.opened;
    this.socket.send(JSON.stringify({ type: 'connection_init', payload }));
    return Promise.race([this.acked, this.closed]);
  }

  send(raw: string): void {
    this.socket.send(raw);
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>): void {
    this.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }

  /** The `next` or `error` the server sent for operation `id`. */
  async answer(id: string): Promise<Message> {
    return waitFor(`an answer to ${id}`, async () =>
      this.messages.find((m) => m.id === id && (m.type === 'next' || m.type === 'error')),
    );
  }

  close(): void {
    this.socket.close();
  }
}

const FRAGMENT_CYCLE = `query { ...A }
  fragment A on Query { cities { code } ...B }
  fragment B on Query { ...A }`;

describe('GraphQL over HTTP and WebSocket: the same limits for every door', () => {
  let stack: SuaraTestStack;
  let admin: Record<string, string>;
  let staff: Record<string, string>;
  const sockets: RawWs[] = [];

  const connect = (url = stack.url) => {
    const ws = new RawWs(url);
    sockets.push(ws);
    return ws;
  };
  const staffSocket = async (authorization = staff.authorization) => {
    const ws = connect();
    expect(await ws.init({ authorization })).toBe('ack');
    return ws;
  };
  const errorsOf = (message: Message) =>
    (message.type === 'error'
      ? message.payload
      : (message.payload as { errors?: unknown }).errors) as WsError[] | undefined;

  /** A staff account of MDN-DLH of the test's own, with its id and token. */
  const newStaff = async (name: string) => {
    const email = `${name}@test.suara.id`;
    const created = await graphql(
      stack.url,
      'mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { id } }',
      {
        i: {
          email,
          name,
          password: 'rahasia-sekali-123',
          role: 'AGENCY_STAFF',
          agencyCode: 'MDN-DLH',
        },
      },
      admin,
    );
    const login = await graphql(
      stack.url,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: email, p: 'rahasia-sekali-123' },
    );
    return {
      id: created.data!.createStaffUser.id as string,
      authorization: `Bearer ${login.data!.login.accessToken}`,
    };
  };

  /** Subscribes to the live queue and waits until an item routed to MDN-DLH arrives. */
  const liveQueue = async (ws: RawWs) => {
    ws.subscribe('live', 'subscription { feedbackQueueChanged { feedbackId status } }');
    await waitFor(
      'the subscription to be live',
      async () => {
        const item = await routedItem(stack, 'MDN-DLH');
        await sleep(200);
        return ws.messages.some(
          (m) => m.type === 'next' && JSON.stringify(m.payload).includes(item.id),
        );
      },
      20_000,
      0,
    );
  };

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    admin = await stack.login('admin@demo.suara.id');
    staff = await stack.login('staff.mdn-dlh@demo.suara.id');
  });
  afterEach(() => {
    for (const ws of sockets.splice(0)) ws.close();
  });
  afterAll(async () => {
    await stack.stop();
  });

  describe('who may connect', () => {
    it('refuses a connection without a valid staff token at connection_init (4403)', async () => {
      const gone = await newStaff('soon-gone');
      await graphql(
        stack.url,
        'mutation($id: ID!) { deactivateStaffUser(id: $id) { id } }',
        { id: gone.id },
        admin,
      );
      const [, payload] = staff.authorization.split('.');
      for (const params of [
        {},
        { authorization: 'Bearer not-a-token' },
        { authorization: staff.authorization.replace(payload, `${payload}x`) },
        { authorization: staff.authorization.replace('Bearer ', '') },
        { authorization: gone.authorization },
      ]) {
        expect(await connect().init(params)).toEqual({ code: 4403, reason: 'Forbidden' });
      }
    });

    it('accepts a staff token, in either spelling of the parameter', async () => {
      expect(await connect().init({ authorization: staff.authorization })).toBe('ack');
      expect(await connect().init({ Authorization: staff.authorization })).toBe('ack');
    });
  });

  describe('the same validation as over HTTP', () => {
    it('refuses 3,000 aliases before running any of them', async () => {
      const ws = await staffSocket();
      const aliases = Array.from(
        { length: 3000 },
        (_, i) => `a${i}: feedbackStatus(trackingCode: "AAAAA-BBBBB") { status }`,
      ).join(' ');
      ws.subscribe('aliases', `{ ${aliases} }`);
      const answer = await ws.answer('aliases');
      expect(answer.type).toBe('error');
      expect(errorsOf(answer)![0]).toMatchObject({
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'request.tooManyAliases' },
      });
    });

    it('refuses a fragment cycle as a validation error, over HTTP and over WebSocket', async () => {
      const http = await graphql(stack.url, FRAGMENT_CYCLE);
      expect(http.status).toBe(400);
      expect(http.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(http.errors![0].message).toMatch(/Cannot spread fragment "A"/);

      const ws = await staffSocket();
      ws.subscribe('cycle', FRAGMENT_CYCLE);
      const answer = await ws.answer('cycle');
      expect(errorsOf(answer)![0]).toMatchObject({
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        message: expect.stringMatching(/Cannot spread fragment "A"/),
      });
      expect((await graphql(stack.url, '{ cities { code } }')).status).toBe(200);
    });

    it('refuses a too costly operation over WebSocket', async () => {
      const ws = await staffSocket();
      ws.subscribe(
        'costly',
        '{ feedbackQueue(first: 100) { edges { node { id a: reporter { name } b: reporter { name } } } } }',
      );
      const answer = await ws.answer('costly');
      expect(errorsOf(answer)![0]).toMatchObject({
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'request.tooComplex' },
      });
    });

    it('closes a connection that sends a message over 10 MB, and stays healthy', async () => {
      const ws = await staffSocket();
      const query = `{ cities { code } } # ${'x'.repeat(11 * 1024 * 1024)}`;
      ws.subscribe('huge', query);
      expect(
        await Promise.race([ws.closed, sleep(15_000, undefined, { ref: false })]),
      ).toMatchObject({ code: 1009 });
      expect(ws.messages.some((m) => m.id === 'huge')).toBe(false);

      expect((await fetch(`${stack.url}/health`)).status).toBe(200);
      const next = await staffSocket();
      next.subscribe('small', '{ cities { code } }');
      expect((await next.answer('small')).type).toBe('next');
    });

    it('formats errors over WebSocket exactly as over HTTP: contract codes, no internals', async () => {
      const ws = await staffSocket();
      const operations = [
        // A refusal of the domain: its code and message, as over HTTP.
        'mutation { acknowledgeFeedback(id: "00000000-0000-4000-8000-000000000000") { id } }',
        // An id PostgreSQL cannot read: never its own words.
        '{ feedbackQueue(filter: { assigneeId: "not-a-uuid" }) { totalCount } }',
      ];
      for (const [i, query] of operations.entries()) {
        const http = await graphql(stack.url, query, {}, staff);
        ws.subscribe(`op${i}`, query);
        const errors = errorsOf(await ws.answer(`op${i}`))!;
        expect(errors.map((e) => ({ message: e.message, code: e.extensions?.code }))).toEqual(
          http.errors!.map((e) => ({ message: e.message, code: e.extensions?.code })),
        );
        expect(JSON.stringify(errors)).not.toMatch(/invalid input syntax|postgres|select /i);
      }
      const [notFound] = errorsOf(ws.messages.find((m) => m.id === 'op0')!)!;
      expect(notFound.extensions!.code).toBe('NOT_FOUND');
    });
  });

  describe('a live queue lasts as long as the session', () => {
    it("ends a deactivated staff member's subscription: no further events", async () => {
      const leaving = await newStaff('leaving');
      const ws = await staffSocket(leaving.authorization);
      await liveQueue(ws);

      await graphql(
        stack.url,
        'mutation($id: ID!) { deactivateStaffUser(id: $id) { id } }',
        { id: leaving.id },
        admin,
      );
      const seen = ws.messages.length;
      // An account is confirmed again at most once a second.
      await sleep(1_100);
      const after = await routedItem(stack, 'MDN-DLH');
      expect(
        await Promise.race([ws.closed, sleep(10_000, undefined, { ref: false })]),
      ).toMatchObject({ code: 4403 });
      expect(JSON.stringify(ws.messages.slice(seen))).not.toContain(after.id);
    });

    it('ends a subscription when its token expires', async () => {
      const jwt = stack.apis[0].get(JwtService, { strict: false });
      const [user] = await stack.sql<{ id: string }>(
        "select id from staff_user where email = 'staff.mdn-dlh@demo.suara.id'",
      );
      const shortLived = await jwt.signAsync(
        { sub: user.id, role: 'AGENCY_STAFF' },
        { expiresIn: 5 },
      );
      const ws = await staffSocket(`Bearer ${shortLived}`);
      await liveQueue(ws);
      const closed = await Promise.race([
        ws.closed,
        sleep(10_000, undefined, { ref: false }).then(() => 'still open'),
      ]);
      expect(closed).toMatchObject({ code: 4403 });
    });
  });

  describe('headers', () => {
    it('sends security headers on every response, keeping the citizen form its own policy', async () => {
      const responses = {
        form: await fetch(`${stack.url}/`),
        graphql: await fetch(`${stack.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ cities { code } }' }),
        }),
        health: await fetch(`${stack.url}/health`),
        dashboard: await fetch(`${stack.url}/admin/queues`),
      };
      for (const [name, res] of Object.entries(responses)) {
        expect([name, res.headers.get('x-content-type-options')]).toEqual([name, 'nosniff']);
        expect([name, res.headers.get('referrer-policy')]).toEqual([name, 'no-referrer']);
        expect([name, res.headers.get('x-frame-options')]).toEqual([name, 'DENY']);
        expect([name, res.headers.get('content-security-policy')]).toEqual([
          name,
          expect.stringContaining("frame-ancestors 'none'"),
        ]);
      }
      expect(responses.form.headers.get('content-security-policy')).toMatch(
        /^default-src 'self'; script-src 'self'; style-src 'self';/,
      );
    });

    it('still lets the queue dashboard load in a browser', async () => {
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      try {
        const context = await browser.newContext({
          httpCredentials: { username: 'admin@demo.suara.id', password: 'suara-demo' },
        });
        const page = await context.newPage();
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        await page.goto(`${stack.url}/admin/queues`);
        // The page's own script replaces the "Loading" placeholder once it runs.
        await page.waitForFunction(() => !document.body.innerText.includes('Loading'), null, {
          timeout: 15_000,
        });
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });

  describe('production', () => {
    it('shows no schema: no introspection, no "Did you mean", over HTTP and WebSocket', async () => {
      await stack.startApi({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) });
      const url = stack.urlOf(stack.apis.length - 1);

      const introspection = await graphql(url, '{ __schema { types { name } } }');
      expect(introspection.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(introspection.data).toBeUndefined();

      const typo = await graphql(url, '{ citis { code } }');
      expect(typo.errors![0].message).toBe('Cannot query field "citis" on type "Query".');
      const badEnum = await graphql(
        url,
        'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }',
        { i: { cityCode: 'MDN', kind: 'COMPLAIN', text: 'Jalan rusak.' } },
      );
      expect(badEnum.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(badEnum.errors)).not.toMatch(/Did you mean|COMPLAINT/);

      const login = await graphql(
        url,
        'mutation { login(email: "staff.mdn-dlh@demo.suara.id", password: "suara-demo") { accessToken } }',
      );
      const ws = connect(url);
      expect(await ws.init({ authorization: `Bearer ${login.data!.login.accessToken}` })).toBe(
        'ack',
      );
      ws.subscribe('schema', '{ __schema { types { name } } }');
      ws.subscribe('typo', '{ citis { code } }');
      expect(errorsOf(await ws.answer('schema'))![0].extensions!.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect(JSON.stringify(errorsOf(await ws.answer('typo')))).not.toMatch(/Did you mean/);

      // Outside production developers keep their hints.
      expect((await graphql(stack.url, '{ citis { code } }')).errors![0].message).toMatch(
        /Did you mean "cities"\?/,
      );
    });
  });

  describe('the cost of a page', () => {
    it('refuses a page of aliased identity reads before reading any, and writes no audit row', async () => {
      for (let i = 0; i < 3; i++)
        await routedItem(stack, 'MDN-DLH', {
          reporter: { name: `Pelapor ${i}`, phone: '0812345678' },
        });
      const reads = async () =>
        (
          await stack.sql<{ n: number }>(
            "select count(*)::int as n from audit_entry where action = 'feedback.identity_read'",
          )
        )[0].n;
      const before = await reads();
      const aliases = Array.from({ length: 12 }, (_, i) => `r${i}: reporter { name }`).join(' ');
      const res = await graphql(
        stack.url,
        `{ feedbackQueue(first: 100) { edges { node { id ${aliases} } } } }`,
        {},
        staff,
      );
      expect(res.status).toBe(400);
      expect(res.errors![0]).toMatchObject({
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'request.tooComplex' },
      });
      const viaVariable = await graphql(
        stack.url,
        `
          query ($n: Int) {
            feedbackQueue(first: $n) {
              edges {
                node {
                  id
                  r1: reporter {
                    name
                  }
                  r2: reporter {
                    name
                  }
                }
              }
            }
          }
        `,
        { n: 100 },
        staff,
      );
      expect(viaVariable.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await reads()).toBe(before);

      // One identity per item of a full page stays possible, and is audited.
      const page = await graphql(
        stack.url,
        '{ feedbackQueue(first: 100) { edges { node { id reporter { name } } } } }',
        {},
        staff,
      );
      expect(page.errors).toBeUndefined();
      expect(await reads()).toBeGreaterThan(before);
    });
  });
});
