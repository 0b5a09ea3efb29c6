import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { assertJobHandlers } from '@suara/queue';
import { JobProcessor } from './job-processor.js';

/**
 * Refuses to boot a worker whose processors leave a job without a handler, or
 * give one two. Runs while modules initialise, before any processor starts
 * taking jobs (they start on application bootstrap).
 */
@Injectable()
export class JobHandlerCheck implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor => instance instanceof JobProcessor);
    assertJobHandlers(processors.map((p) => p.registered()));
  }
}
