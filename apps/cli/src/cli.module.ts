import { Module } from '@nestjs/common';
import { SuaraConfigModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { IdentityModule } from '@suara/identity';
import { InsightModule } from '@suara/insight';
import { IntakeModule } from '@suara/intake';
import { ReferenceModule } from '@suara/reference';
import { RoutingModule } from '@suara/routing';

/** What the command-line tools need: the database and the domain, no HTTP, no queue consumers. */
@Module({
  imports: [
    SuaraConfigModule,
    DatabaseModule,
    ReferenceModule,
    IntakeModule,
    RoutingModule,
    IdentityModule,
    InsightModule,
  ],
})
export class CliModule {}
