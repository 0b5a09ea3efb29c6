import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { CloseCode, type Context, handleProtocols, makeServer } from 'graphql-ws';
import type { IncomingMessage, Server } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { SuaraConfig } from '@suara/core';
import { AuthService, IdentityErrors } from '@suara/identity';
import { FeedbackLoaders } from '../triage/feedback-loaders.js';
import { type FormatOptions, formatGraphQLError } from './format-error.js';
import { argumentLimitError } from './limits/check-argument-limits.js';
import { MAX_REQUEST_BYTES, complexityError, operationRules } from './operation-limits.js';
import { WsSession } from './ws-session.js';

export const GRAPHQL_PATH = '/graphql';

/** Pings an idle connection this often and drops it if no pong comes back in the same time. */
const KEEP_ALIVE_MS = 12_000;

type SessionExtra = { socket: WebSocket; request: IncomingMessage; session?: WsSession };
type WsContext = Context<Record<string, unknown> | undefined, SessionExtra>;

/**
 * graphql-ws on /graphql, for staff only: a connection is refused at
 * `connection_init` without a valid staff token (4403) and closed when the token
 * expires or the account is deactivated. Every operation passes the same
 * validation rules, cost limit, size limit and error formatter as over HTTP.
 */
@Injectable()
export class GraphQLWsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('GraphQLWs');
  private wss?: WebSocketServer;
  private httpServer?: Server;
  private readonly rules: readonly ValidationRule[];
  private readonly formatOptions: FormatOptions;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly auth: AuthService,
    private readonly loaders: FeedbackLoaders,
    private readonly config: SuaraConfig,
  ) {
    this.rules = [...specifiedRules, ...operationRules(config.env)];
    this.formatOptions = { hideSchemaDetails: config.env.NODE_ENV === 'production' };
  }

  onApplicationBootstrap(): void {
    // A message over the limit closes the connection (1009) before it is read whole.
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_REQUEST_BYTES,
      handleProtocols,
    });
    this.wss = wss;
    const server = makeServer<Record<string, unknown> | undefined, SessionExtra>({
      schema: this.schemaHost.schema,
      onConnect: (ctx) => this.connect(ctx),
      onSubscribe: (ctx, _id, payload) =>
        this.prepare(ctx, payload.query, payload.operationName, payload.variables),
      onNext: (ctx, _id, _payload, _args, result) => this.deliver(ctx, result),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => this.format(e)),
      onClose: (ctx) => ctx.extra.session?.end(),
    });
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) =>
      this.serve(server, socket, request),
    );
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.upgrade);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.httpServer?.off('upgrade', this.upgrade);
    const wss = this.wss;
    if (!wss) return;
    for (const client of wss.clients) client.close(1001, 'Going away');
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  /**
   * graphql-ws's own `ws` glue, with a client's protocol faults (an oversized or
   * malformed frame, which `ws` answers by closing) kept out of the error log.
   */
  private serve(
    server: ReturnType<typeof makeServer>,
    socket: WebSocket,
    request: IncomingMessage,
  ) {
    socket.on('error', (error) => this.logger.debug(`WebSocket closed: ${error.message}`));
    const keepAlive = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      const dead = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS).unref();
      socket.once('pong', () => clearTimeout(dead));
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              this.logger.error({ err: error }, 'Unexpected error in a WebSocket message');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      void closed(code, String(reason));
    });
  }

  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const wss = this.wss!;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== GRAPHQL_PATH) return socket.destroy();
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  private async connect(ctx: WsContext): Promise<boolean> {
    const params = ctx.connectionParams ?? {};
    const session = await WsSession.open(
      this.auth,
      params.authorization ?? params.Authorization,
      () => ctx.extra.socket.close(CloseCode.Forbidden, 'Sesi berakhir; silakan masuk lagi.'),
    );
    if (!session) return false;
    ctx.extra.session = session;
    return true;
  }

  /** Parses, validates and prices the operation as the HTTP path does; errors instead of running it. */
  private prepare(
    ctx: WsContext,
    query: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): ExecutionArgs | readonly GraphQLError[] {
    const schema = this.schemaHost.schema;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return [withCode(error as Error, 'GRAPHQL_PARSE_FAILED')];
    }
    const invalid = validate(schema, document, this.rules);
    if (invalid.length) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
    // Variables GraphQL cannot coerce are the caller's mistake, as Apollo says over HTTP.
    const operation = getOperationAST(document, operationName);
    const coerced = operation
      ? getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {})
      : undefined;
    if (coerced?.errors) return coerced.errors.map((e) => withCode(e, 'BAD_USER_INPUT'));
    const outOfLimits = argumentLimitError(schema, document, operationName, variables);
    if (outOfLimits) return [outOfLimits];
    const tooCostly = complexityError(
      schema,
      document,
      operationName,
      variables,
      this.config.env.GRAPHQL_MAX_COMPLEXITY,
    );
    if (tooCostly) return [tooCostly];
    const session = ctx.extra.session!;
    return {
      schema,
      document,
      operationName,
      variableValues: variables,
      contextValue: {
        req: {
          headers: { authorization: session.authorization },
          principal: session.principal,
          ip: this.clientAddress(ctx.extra.request),
        },
        // No HTTP response to put rate-limit headers on.
        res: {},
        // Fresh loaders per operation: batching within it, no cache across operations.
        loaders: this.loaders.forRequest(),
      },
    };
  }

  /** The client's address as Express reads it for HTTP: through the trusted proxies only. */
  private clientAddress(request: IncomingMessage): string {
    const app = this.adapterHost.httpAdapter.getInstance<{ get(name: string): unknown }>();
    const trust = app.get('trust proxy fn') as Parameters<typeof proxyAddr>[1] | undefined;
    return proxyAddr(request, trust ?? (() => false));
  }

  /** Each result goes out only while the session holds, with its errors formatted as over HTTP. */
  private async deliver(ctx: WsContext, result: ExecutionResult) {
    if (!(await ctx.extra.session!.isValid())) {
      ctx.extra.socket.close(CloseCode.Forbidden, 'Sesi berakhir; silakan masuk lagi.');
      return { errors: [this.format(IdentityErrors.invalidToken())] };
    }
    if (!result.errors) return undefined;
    return { ...result, errors: result.errors.map((e) => this.format(e)) };
  }

  private format(error: GraphQLError | Error) {
    if (!(error instanceof GraphQLError)) {
      return formatGraphQLError({ message: error.message }, error, this.formatOptions);
    }
    // An error thrown by a subscription's event stream comes wrapped without a path.
    const original = error.path ? error : (error.originalError ?? error);
    return formatGraphQLError(error.toJSON(), original, this.formatOptions);
  }
}

/** Apollo tags refusals of the request with these codes over HTTP; the same here. */
function withCode(error: GraphQLError | Error, code: string): GraphQLError {
  if (!(error instanceof GraphQLError))
    return new GraphQLError(error.message, { extensions: { code } });
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}
