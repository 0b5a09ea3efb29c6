import { SuaraConfig } from '../config/suara-config.module.js';
import { LoggerModule } from 'nestjs-pino';

/** Structured JSON logs for every process, at LOG_LEVEL. */
export const SuaraLoggerModule = LoggerModule.forRootAsync({
  inject: [SuaraConfig],
  useFactory: (config: SuaraConfig) => ({
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      // Request bodies can hold reporters' names and numbers: never log them.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body'],
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  }),
});
