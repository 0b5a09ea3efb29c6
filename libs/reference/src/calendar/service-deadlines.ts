import { Injectable } from '@nestjs/common';
import { SuaraConfig } from '@suara/core';
import { WorkingCalendar } from './working-calendar.js';

/**
 * The service standards of DOMAIN.md as dates: each deadline counted in working
 * days on the deployment's calendar, with the lengths from configuration.
 */
@Injectable()
export class ServiceDeadlines {
  private readonly calendar: WorkingCalendar;

  constructor(private readonly config: SuaraConfig) {
    this.calendar = WorkingCalendar.fromSetting(config.env.HOLIDAYS);
  }

  /** An item in triage must be routed this long after it was submitted. */
  routing(submittedAt: Date): Date {
    return this.calendar.addWorkingDays(submittedAt, this.config.env.SLA_ROUTE_DAYS);
  }

  /** The agency's first follow-up, counted from routing (or rerouting, or reopening). */
  firstResponse(from: Date): Date {
    return this.calendar.addWorkingDays(from, this.config.env.SLA_FIRST_RESPONSE_DAYS);
  }

  /** A resolved item the citizen does not rate closes itself then. */
  autoClose(resolvedAt: Date): Date {
    return this.calendar.addWorkingDays(resolvedAt, this.config.env.SLA_AUTO_CLOSE_DAYS);
  }
}
