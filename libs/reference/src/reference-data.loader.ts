import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AGENCY_TYPES,
  CITIES,
  COMPETENCIES,
  COMPLAINT_THEMES,
  agencyCode,
} from './data/reference-data.js';
import { Agency } from './entities/agency.entity.js';
import { City } from './entities/city.entity.js';
import { Competency } from './entities/competency.entity.js';
import { ComplaintTheme } from './entities/complaint-theme.entity.js';

/** Loads DOMAIN.md's reference data; upserts, so running it again changes nothing. */
@Injectable()
export class ReferenceDataLoader {
  constructor(private readonly em: EntityManager) {}

  async load(): Promise<{ cities: number; agencies: number }> {
    const em = this.em.fork();
    await em.transactional(async (tx) => {
      await tx.upsertMany(
        City,
        CITIES.map((c) => ({ code: c.code, name: c.name, province: c.province })),
      );
      await tx.upsertMany(
        Agency,
        CITIES.flatMap((city) =>
          AGENCY_TYPES.map((t) => ({
            code: agencyCode(city.code, t.type),
            city: city.code as string,
            type: t.type,
            name: `${t.name} ${city.name}`,
            technicalCompetencyCode: t.competency,
          })),
        ),
      );
      await tx.upsertMany(
        Competency,
        COMPETENCIES.map((c) => ({ code: c.code, name: c.name, kind: c.kind })),
      );
      await tx.upsertMany(
        ComplaintTheme,
        COMPLAINT_THEMES.map((t) => ({
          code: t.code,
          name: t.name,
          competencyCodes: [...t.competencies],
        })),
      );
    });
    return { cities: CITIES.length, agencies: CITIES.length * AGENCY_TYPES.length };
  }
}
