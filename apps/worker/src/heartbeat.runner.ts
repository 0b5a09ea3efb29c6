import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHeartbeat } from '@suara/queue';

/** Beats from bootstrap on, not construction, so /health never counts a worker that failed to boot. */
@Injectable()
export class HeartbeatRunner implements OnApplicationBootstrap {
  constructor(private readonly heartbeat: WorkerHeartbeat) {}

  onApplicationBootstrap(): void {
    this.heartbeat.start();
  }
}
