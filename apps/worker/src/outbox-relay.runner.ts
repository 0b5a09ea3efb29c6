import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OutboxRelay } from '@suara/queue';

/** The worker process also relays the outbox, so jobs flow whenever a worker runs. */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }
}
