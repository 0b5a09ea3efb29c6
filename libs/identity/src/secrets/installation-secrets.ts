import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';

/**
 * Secrets generated once per installation. The first process to ask inserts a
 * random value and every later one, concurrent first starts included, reads back
 * whichever row won; so all replicas on one database agree without a setting.
 */
@Injectable()
export class InstallationSecrets {
  private readonly known = new Map<string, Promise<string>>();

  constructor(private readonly em: EntityManager) {}

  get(name: string): Promise<string> {
    let secret = this.known.get(name);
    if (!secret) {
      secret = this.generateOrRead(name);
      // A database hiccup must not be remembered: the next request tries again.
      secret.catch(() => this.known.delete(name));
      this.known.set(name, secret);
    }
    return secret;
  }

  private async generateOrRead(name: string): Promise<string> {
    const connection = this.em.getConnection();
    // Two statements, not one: the read needs a snapshot taken after a
    // concurrent first start has committed the row that made this insert a no-op.
    await connection.execute(
      'insert into installation_secret (name, value) values (?, ?) on conflict (name) do nothing',
      [name, randomBytes(48).toString('base64url')],
    );
    const [row] = await connection.execute<{ value: string }[]>(
      'select value from installation_secret where name = ?',
      [name],
    );
    return row.value;
  }
}

@Module({ providers: [InstallationSecrets], exports: [InstallationSecrets] })
export class InstallationSecretsModule {}
