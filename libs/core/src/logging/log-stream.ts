import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'auto' | 'json' | 'pretty';

/**
 * Where a process writes its logs: readable, coloured lines for a person at a
 * terminal, JSON lines (pino's default, `undefined` here) for anything else, so
 * log collectors never have to parse colours.
 */
export function logStream(format: LogFormat): DestinationStream | undefined {
  const readable = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  if (!readable) return undefined;
  return pretty({
    colorize: process.stdout.isTTY === true,
    // Written before the process exits, so the last line ("… berhenti dengan rapi") is never lost.
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    // The message already names the request; the objects repeat it at length.
    ignore: 'pid,hostname,context,req,res,responseTime',
    singleLine: true,
    // "GraphQL: query Lookup: BAD_USER_INPUT"; the start and stop lines name Suara themselves.
    messageFormat: (log, messageKey) => {
      const message = String(log[messageKey] ?? '');
      const context = typeof log.context === 'string' ? log.context : '';
      return context && context !== 'Suara' ? `${context}: ${message}` : message;
    },
  });
}
