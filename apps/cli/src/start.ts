import { pino } from 'pino';
import { fileURLToPath } from 'node:url';
import { InvalidConfigError, SuaraConfig, logStream } from '@suara/core';
import { Supervisor } from './supervisor/supervisor.js';

/**
 * `npm start`: the API and the worker as two processes, each started again when
 * it dies, so a worker crash never takes the citizen form down. Ctrl-C (SIGINT)
 * or SIGTERM stops both, letting jobs in hand finish; a second one kills them.
 */
function main(): void {
  let config: SuaraConfig;
  try {
    // Checked here once, so a wrong setting stops everything instead of a restart loop.
    config = SuaraConfig.fromEnvironment();
  } catch (error) {
    console.error(error instanceof InvalidConfigError ? error.message : error);
    process.exit(1);
  }
  const { LOG_LEVEL, LOG_FORMAT, RESTART_DELAY_MS, RESTART_MAX_DELAY_MS } = config.env;
  const log = pino({ level: LOG_LEVEL, name: 'supervisor' }, logStream(LOG_FORMAT));
  const built = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const supervisor = new Supervisor(
    [
      { name: 'api', script: built('../../api/src/main.js') },
      { name: 'worker', script: built('../../worker/src/main.js') },
    ],
    { firstDelayMs: RESTART_DELAY_MS, maxDelayMs: RESTART_MAX_DELAY_MS },
    log,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'killing the API and the worker');
      supervisor.kill();
      return;
    }
    stopping = true;
    log.info({ signal }, 'stopping the API and the worker (once more to kill them at once)');
    void supervisor.stop().then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  supervisor.start();
}

main();
