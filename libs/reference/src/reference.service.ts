import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from './entities/agency.entity.js';
import { City } from './entities/city.entity.js';

export interface CityRef {
  code: string;
  name: string;
}
export interface AgencyRef {
  code: string;
  name: string;
  cityCode: string;
  type: string;
}

/**
 * Cities and agencies change only when reference data is loaded, yet every
 * submission checks them, so they are read once per process and kept.
 */
@Injectable()
export class ReferenceService {
  private cache?: Promise<{ cities: Map<string, CityRef>; agencies: Map<string, AgencyRef> }>;

  constructor(private readonly em: EntityManager) {}

  async city(code: string): Promise<CityRef | undefined> {
    return (await this.load()).cities.get(code.toUpperCase());
  }

  async cities(): Promise<CityRef[]> {
    return [...(await this.load()).cities.values()];
  }

  async agency(code: string): Promise<AgencyRef | undefined> {
    return (await this.load()).agencies.get(code.toUpperCase());
  }

  /** Agencies by code, for callers that must not wait on the database later (inside a transaction). */
  async agencyIndex(): Promise<ReadonlyMap<string, AgencyRef>> {
    return (await this.load()).agencies;
  }

  async agencies(): Promise<AgencyRef[]> {
    return [...(await this.load()).agencies.values()];
  }

  private load() {
    this.cache ??= this.read().catch((error: unknown) => {
      this.cache = undefined;
      throw error;
    });
    return this.cache;
  }

  private async read() {
    const em = this.em.fork();
    const [cities, agencies] = await Promise.all([
      em.find(City, {}, { orderBy: { code: 'asc' } }),
      em.find(Agency, {}, { orderBy: { code: 'asc' } }),
    ]);
    return {
      cities: new Map(cities.map((c) => [c.code, { code: c.code, name: c.name }])),
      agencies: new Map(
        agencies.map((a) => [
          a.code,
          { code: a.code, name: a.name, cityCode: a.city.code, type: a.type },
        ]),
      ),
    };
  }
}
