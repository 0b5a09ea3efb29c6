import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { type JobHandlers, JobName, type JobsOf, QueueName } from '@suara/queue';
import { JobHandlerCheck } from './job-handler.check.js';
import { JobProcessor } from './job-processor.js';

const done = () => Promise.resolve();

@Injectable()
class Routing extends JobProcessor {
  readonly queueName = QueueName.Routing;
  readonly handlers: JobHandlers<JobsOf<QueueName.Routing>> = { [JobName.RouteFeedback]: done };
}

/** A maintenance processor someone forgot to finish: retraining has no handler. */
@Injectable()
class ForgetfulMaintenance extends JobProcessor {
  readonly queueName = QueueName.Maintenance;
  readonly handlers = {
    [JobName.SweepUnrouted]: done,
    [JobName.WatchDeadlines]: done,
    [JobName.EraseExpiredContacts]: done,
    [JobName.RefreshAnswerStats]: done,
  };
}

@Injectable()
class Maintenance extends JobProcessor {
  readonly queueName = QueueName.Maintenance;
  readonly handlers: JobHandlers<JobsOf<QueueName.Maintenance>> = {
    [JobName.SweepUnrouted]: done,
    [JobName.WatchDeadlines]: done,
    [JobName.RetrainRouter]: done,
    [JobName.EraseExpiredContacts]: done,
    [JobName.RefreshAnswerStats]: done,
  };
}

@Injectable()
class Notifications extends JobProcessor {
  readonly queueName = QueueName.Notifications;
  readonly handlers: JobHandlers<JobsOf<QueueName.Notifications>> = {
    [JobName.NotifyCitizen]: done,
  };
}

@Injectable()
class Insight extends JobProcessor {
  readonly queueName = QueueName.Insight;
  readonly handlers: JobHandlers<JobsOf<QueueName.Insight>> = {
    [JobName.AnalyseFeedback]: done,
  };
}

/** A second processor that also claims to route items. */
@Injectable()
class RoutingAgain extends Routing {}

async function boot(...processors: (typeof JobProcessor)[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [JobHandlerCheck, ...(processors as unknown as (new () => JobProcessor)[])],
  }).compile();
  await module.init();
  return module;
}

describe('the worker’s job handlers at boot', () => {
  it('boots when every job has exactly one handler', async () => {
    const module = await boot(Routing, Maintenance, Notifications, Insight);
    await module.close();
  });

  it('refuses to boot when a job has no handler, naming the job and its queue', async () => {
    await expect(boot(Routing, ForgetfulMaintenance, Notifications, Insight)).rejects.toThrow(
      'The worker cannot start: no handler for job "retrain-router" (queue "maintenance").',
    );
  });

  it('refuses to boot with no processor for a queue, naming each job left without one', async () => {
    await expect(boot(Maintenance)).rejects.toThrow(/no handler for job "route-feedback"/);
  });

  it('refuses to boot when two processors handle the same job', async () => {
    await expect(boot(Routing, RoutingAgain, Maintenance, Notifications, Insight)).rejects.toThrow(
      'job "route-feedback" has 2 handlers (Routing, RoutingAgain)',
    );
  });
});
