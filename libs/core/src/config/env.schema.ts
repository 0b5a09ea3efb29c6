import { isIP } from 'node:net';
import { z } from 'zod';

const TRUST_PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (TRUST_PROXY_PRESETS.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (isIP(bits) === family) return true; // a netmask, as Express also accepts
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Express's `trust proxy`, limited to the forms that cannot be spoofed: how many
 * proxies stand in front of the API, or which addresses they have. `true` is refused:
 * it trusts every hop, so a client that writes its own X-Forwarded-For picks the
 * address the rate limits count it under.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((raw, ctx): false | number | string[] => {
    const value = raw.trim();
    if (value === 'false' || value === '0' || value === '') return false;
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          '"true" would trust every hop, so any client could choose its own address with X-Forwarded-For ' +
          'and escape the rate limits: give the number of proxies in front of Suara (e.g. 1) ' +
          'or their addresses (e.g. loopback,10.0.0.0/8)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isAddressOrRange(entry));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          `${wrong.map((w) => JSON.stringify(w)).join(', ')} is not an address, a CIDR range or ` +
          'one of loopback, linklocal, uniquelocal; give a number of proxies or a comma list of those',
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * Every setting Suara reads from the environment. Parsed once at start so that a
 * wrong value stops the process with a message naming the variable, instead of
 * failing later in the middle of a request.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/suara'),
  /** Connections per process. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(12),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Namespace of every Redis key (queues, rate limits): several deployments can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('suara'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /**
   * Status look-ups (feedbackStatus) per client per minute. Higher than for
   * mutations: a look-up is one indexed read, people reload a status page, and
   * Indonesian mobile carriers put many phones behind one address (CGNAT).
   */
  PUBLIC_STATUS_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** Open311 submissions per partner API key per minute, shared by every API process. */
  PARTNER_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  /** Proxies allowed to name the client (X-Forwarded-For): false, a hop count, or addresses. */
  TRUST_PROXY: trustProxy,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: readable lines when a terminal is attached, JSON lines for log collectors otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(5).max(60_000).default(50),
  /** Jobs in hand per worker; those that arrive together are routed as one batch. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(50),
  /**
   * Insight jobs in flight per worker. Jobs in flight wait for one batch placed
   * together in one transaction (one database connection), so this bounds the
   * batch size, not the connections: too few and every batch is small.
   */
  INSIGHT_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(50),
  /** First retry delay of a failed job; each further retry waits twice as long. */
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).default(1_000),
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** `npm start` starts a crashed API or worker again after this long, doubling for each crash in a row. */
  RESTART_DELAY_MS: z.coerce.number().int().min(10).default(1_000),
  /** The longest wait before a restart; a process that stayed up this long starts over from RESTART_DELAY_MS. */
  RESTART_MAX_DELAY_MS: z.coerce.number().int().min(10).default(60_000),
  /** How often a worker tells the API it is alive; /health counts it gone after three missed beats. */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** A cluster is recurring at this many items (insight, DOMAIN.md) ... */
  INSIGHT_RECURRING_MIN_ITEMS: z.coerce.number().int().min(1).max(1000).default(3),
  /** ... from this many distinct reporters ... */
  INSIGHT_RECURRING_MIN_REPORTERS: z.coerce.number().int().min(1).max(1000).default(3),
  /** ... within this many days before its latest item; also the window of a gap's severity. */
  INSIGHT_RECURRING_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Below this calibrated confidence an item goes to the coordinator's triage. */
  ROUTING_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.7),
  /** How sure the text must be to overrule the agency the citizen picked. */
  ROUTING_HINT_OVERRIDE_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.999),
  ROUTING_RETRAIN_EVERY_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(24 * 3600_000),
  /** Items still unrouted this long after submission are handed to the queue again. */
  SWEEP_UNROUTED_AFTER_MS: z.coerce.number().int().min(1_000).default(120_000),
  SWEEP_EVERY_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** How often overdue items are escalated and unanswered resolutions closed. */
  DEADLINE_WATCH_EVERY_MS: z.coerce.number().int().min(1_000).default(300_000),
  /**
   * Days after a report is closed, rejected or merged until its reporter's contact
   * details are erased (UU 27/2022: kept no longer than the purpose needs).
   * Fractions are allowed, for tests.
   */
  RETENTION_DAYS_AFTER_CLOSE: z.coerce.number().min(0).max(36_500).default(365),
  /** How often the retention job looks for contacts past their period. */
  RETENTION_EVERY_MS: z.coerce.number().int().min(500).default(3600_000),
  /** How often the public answer statistics (/statistik) are rebuilt. */
  ANSWER_STATS_EVERY_MS: z.coerce.number().int().min(500).default(900_000),
  /** The data controller the privacy notice names (pengendali data pribadi). */
  DATA_CONTROLLER_NAME: z.string().min(3).max(200).default('Pemerintah Daerah pengelola Suara'),
  /** Where citizens exercise their rights: an e-mail address, a postal address or a phone. */
  DATA_CONTROLLER_CONTACT: z.string().min(3).max(300).default('privasi@suara.localhost'),
  SLA_ROUTE_DAYS: z.coerce.number().int().min(1).default(3),
  SLA_FIRST_RESPONSE_DAYS: z.coerce.number().int().min(1).default(5),
  SLA_AUTO_CLOSE_DAYS: z.coerce.number().int().min(1).default(10),
  /** Extra non-working days (YYYY-MM-DD, comma separated) on top of the shipped national holidays. */
  HOLIDAYS: z
    .string()
    .regex(
      /^(\d{4}-\d{2}-\d{2})?(,\d{4}-\d{2}-\d{2})*$/,
      'must be YYYY-MM-DD dates separated by commas',
    )
    .default(''),
  /**
   * Signs staff access tokens. Required in production. Unset elsewhere, each
   * installation generates its own once and keeps it in its database, so no
   * secret is ever public and replicas on one database accept each other's tokens.
   */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
  /**
   * Failed logins per account and client address before each further attempt
   * from that address is slowed, and before it is refused.
   */
  LOGIN_SLOW_AFTER: z.coerce.number().int().min(1).default(3),
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(2).default(10),
  LOGIN_LOCK_S: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  /**
   * Failed logins from one client address, whatever the accounts, before that
   * address is refused for LOGIN_LOCK_S: bounds password spraying and the audit
   * rows failures write.
   */
  LOGIN_ADDRESS_LOCK_AFTER: z.coerce.number().int().min(2).default(100),
  DEMO_PASSWORD: z.string().min(8).default('suara-demo'),
  /** Where citizens reach this installation: the links in messages to them start with it. */
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, 'must be an http(s):// address without ? or #')
    .transform((url) => url.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  /**
   * The mail server citizens' messages leave through (smtp://user:pass@host:587,
   * smtps://… for TLS from the start). Unset, messages are written as .eml files
   * to MAIL_OUTBOX_DIR instead, where a developer can open them.
   */
  SMTP_URL: z
    .string()
    .regex(/^(smtps?:\/\/\S+)?$/, 'must be an smtp:// or smtps:// URL')
    .optional()
    .transform((url) => url || undefined),
  MAIL_FROM: z.string().min(3).max(254).default('Suara <no-reply@suara.localhost>'),
  MAIL_OUTBOX_DIR: z.string().min(1).default('var/mail'),
  /** Where citizens' photos are kept when no S3 bucket is configured. */
  PHOTO_DIR: z.string().min(1).default('var/photos'),
  /**
   * An S3-compatible bucket for photos, for installations with more than one API
   * machine (the local folder is per machine). Credentials come from the usual
   * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables.
   */
  S3_BUCKET: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  S3_ENDPOINT: z
    .string()
    .regex(/^(https?:\/\/\S+)?$/, 'must be an http(s):// URL')
    .optional()
    .transform((v) => v || undefined),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** An upload not claimed by a report within this time is deleted. */
  PHOTO_UPLOAD_TTL_MS: z.coerce.number().int().min(60_000).default(3_600_000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
  /** Lists count once per item asked for: a page of 100 items with 40 fields costs 4,000. */
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(5000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
});

export type Env = z.infer<typeof envSchema>;

export class InvalidConfigError extends Error {}

export function parseEnv(raw: Record<string, unknown>): Env {
  const result = envSchema
    .refine((env) => env.NODE_ENV !== 'production' || env.JWT_SECRET !== undefined, {
      message: 'must be set in production (every replica must sign with the same secret)',
      path: ['JWT_SECRET'],
    })
    .safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((i) => `  - ${i.path.join('.')}: ${i.message}`)
    .join('\n');
  throw new InvalidConfigError(
    `Invalid configuration, fix these environment variables:\n${problems}`,
  );
}
