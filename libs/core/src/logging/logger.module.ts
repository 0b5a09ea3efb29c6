import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { SuaraConfig } from '../config/suara-config.module.js';
import { logStream } from './log-stream.js';

/** Paths whose requests are logged elsewhere or not at all when they succeed. */
const QUIET_PATHS = new Set([
  '/health',
  // Each GraphQL operation is logged by the API's plugin, with its name and error codes.
  '/graphql',
]);

/**
 * Nest's own start-up chatter: a line per module loaded and per route mapped,
 * some forty lines before the one that matters. Kept, at debug.
 */
const BOOT_DETAIL = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
]);
const INFO = 30;

const pathOf = (req: IncomingMessage) =>
  ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];

/** Logs for every process at LOG_LEVEL, readable at a terminal and JSON otherwise (LOG_FORMAT). */
export const SuaraLoggerModule = LoggerModule.forRootAsync({
  inject: [SuaraConfig],
  useFactory: (config: SuaraConfig) => {
    const options: Options = {
      level: config.env.LOG_LEVEL,
      // What a request was, never its headers (tokens, cookies, a kilobyte per line) or body
      // (reporters' names and numbers).
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error) => {
        if (error || res.statusCode >= 500) return 'error';
        if (QUIET_PATHS.has(pathOf(req))) return 'silent';
        return res.statusCode >= 400 ? 'warn' : 'info';
      },
      hooks: {
        logMethod(args, method, level) {
          const first: unknown = args[0];
          const context =
            first && typeof first === 'object'
              ? (first as { context?: unknown }).context
              : undefined;
          if (level === INFO && typeof context === 'string' && BOOT_DETAIL.has(context)) {
            if (this.isLevelEnabled('debug')) this.debug(...(args as [object, string]));
            return;
          }
          method.apply(this, args);
        },
      },
      customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
        `${req.method} ${pathOf(req)} ${res.statusCode} (${ms} ms)`,
      customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
        `${req.method} ${pathOf(req)} ${res.statusCode}`,
    };
    const stream = logStream(config.env.LOG_FORMAT);
    return { pinoHttp: stream ? [options, stream] : options };
  },
});
