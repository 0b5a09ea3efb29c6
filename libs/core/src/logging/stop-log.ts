import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';

const STOP_LOG = Symbol('STOP_LOG');

/**
 * Says that a process stopped cleanly. Provide it in the app's root module only:
 * Nest runs the root module's shutdown hooks last, after the database pool and
 * the queues have closed, so the line is true when it is written.
 */
export function stopLog(message: string): Provider {
  return {
    provide: STOP_LOG,
    useFactory: (): OnApplicationShutdown => ({
      onApplicationShutdown: (signal?: string) =>
        new Logger('Suara').log(signal ? `${message} (${signal})` : message),
    }),
  };
}
