import { NestFactory } from '@nestjs/core';
import { SuaraConfig } from '@suara/core';
import { StaffUsersService } from '@suara/identity';
import { CliModule } from '../cli.module.js';

/** The demo staff accounts of CONTRACT.md. Refused in production: they share a known password. */
export async function seedDemo(): Promise<number> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const { NODE_ENV, DEMO_PASSWORD } = app.get(SuaraConfig).env;
    if (NODE_ENV === 'production') {
      console.error(
        'seed:demo is refused when NODE_ENV=production: demo accounts share a known password.',
      );
      return 1;
    }
    const count = await app.get(StaffUsersService).seedDemo(DEMO_PASSWORD);
    console.log(
      `Demo accounts ready: ${count} (admin@demo.suara.id, planner@demo.suara.id, coordinator.<city>@…, staff.<agency>@…)`,
    );
    return 0;
  } finally {
    await app.close();
  }
}
