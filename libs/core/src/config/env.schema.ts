import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

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
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(5).max(60_000).default(50),
  /** Jobs in hand per worker; those that arrive together are routed as one batch. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(50),
  /** First retry delay of a failed job; each further retry waits twice as long. */
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).default(1_000),
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** Below this calibrated confidence an item goes to the coordinator's triage. */
  ROUTING_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.7),
  /** How sure the text must be to overrule the agency the citizen picked. */
  ROUTING_HINT_OVERRIDE_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.95),
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
