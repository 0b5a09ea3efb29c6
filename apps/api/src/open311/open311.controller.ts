import { All, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { GeoReportXml, Open311Errors, Open311Service, type RawParams } from '@suara/open311';
import { RateBudget } from '../infra/gql-throttler.guard.js';
import { formatOf, send } from './georeport-response.js';
import { Open311ErrorsFilter } from './open311-errors.filter.js';

const queryOf = (req: Request): RawParams => ({ ...(req.query as RawParams) });

/** Reads draw on the per-address status budget, as the public status page does. */
const PublicRead = () => UseGuards(ThrottlerGuard);

/**
 * Open311 GeoReport v2 (open311.org) under /open311/v2/: translates paths and
 * formats, and leaves every rule to the Open311 library.
 */
@Controller('open311/v2')
@UseFilters(Open311ErrorsFilter)
@SkipThrottle({ [RateBudget.PUBLIC]: true })
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.:format')
  @PublicRead()
  discovery(@Param('format') format: string, @Req() req: Request, @Res() res: Response): void {
    const f = formatOf(format);
    const body = this.open311.discovery(`${req.protocol}://${req.get('host')}`);
    send(res, f, 200, body, GeoReportXml.discovery);
  }

  @Get('services.:format')
  @PublicRead()
  async services(@Param('format') format: string, @Req() req: Request, @Res() res: Response) {
    const f = formatOf(format);
    send(res, f, 200, await this.open311.services(queryOf(req)), GeoReportXml.services);
  }

  @Get('services/:code.:format')
  @PublicRead()
  async definition(
    @Param('code') code: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const f = formatOf(format);
    const body = await this.open311.definition(code, queryOf(req));
    send(res, f, 200, body, GeoReportXml.serviceDefinition);
  }

  /** Form-encoded per the specification, JSON also accepted; the body wins over the query. */
  @Post('requests.:format')
  @SkipThrottle({ [RateBudget.PUBLIC]: true, [RateBudget.STATUS]: true })
  async submit(@Param('format') format: string, @Req() req: Request, @Res() res: Response) {
    const f = formatOf(format);
    const body: unknown = req.body;
    const params: RawParams = {
      ...queryOf(req),
      ...(body && typeof body === 'object' && !Array.isArray(body) ? (body as RawParams) : {}),
    };
    const created = await this.open311.submit(params, req.get('idempotency-key'));
    send(res, f, 201, created, GeoReportXml.requests);
  }

  @Get('requests.:format')
  @PublicRead()
  async list(@Param('format') format: string, @Req() req: Request, @Res() res: Response) {
    const f = formatOf(format);
    send(res, f, 200, await this.open311.list(queryOf(req)), GeoReportXml.requests);
  }

  @Get('requests/:id.:format')
  @PublicRead()
  async one(
    @Param('id') id: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const f = formatOf(format);
    send(res, f, 200, await this.open311.one(id, queryOf(req)), GeoReportXml.requests);
  }

  /** Anything else here (tokens/{token} among them: Suara answers at once) is a GeoReport 404. */
  @All('*path')
  unknown(): never {
    throw Open311Errors.unknownEndpoint();
  }
}
