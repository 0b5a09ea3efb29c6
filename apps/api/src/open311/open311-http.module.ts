import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { Open311Module } from '@suara/open311';
import { Open311Body } from './open311-body.middleware.js';
import { Open311Controller } from './open311.controller.js';

/** The GeoReport v2 endpoints, with the form parsing only they need. */
@Module({
  imports: [Open311Module],
  controllers: [Open311Controller],
})
export class Open311HttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(Open311Body).forRoutes(Open311Controller);
  }
}
