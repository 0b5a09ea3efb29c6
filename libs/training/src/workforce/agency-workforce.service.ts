import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { type Principal, staffAuditActor } from '@suara/identity';
import { ReferenceService } from '@suara/reference';
import { AgencyWorkforce } from '../entities/agency-workforce.entity.js';
import { TrainingErrors } from '../training.errors.js';
import { TrainingPolicy } from '../training.policy.js';
import type { AgencyWorkforceView } from '../training.views.js';
import { defaultCivilServants } from './workforce-defaults.js';

export const MAX_CIVIL_SERVANTS = 100_000;

/** The one writer of agency_workforce: each agency's number of civil servants. */
@Injectable()
export class AgencyWorkforceService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, cityCode: string): Promise<AgencyWorkforceView[]> {
    TrainingPolicy.read(principal, 'melihat jumlah ASN instansi');
    const code = cityCode.trim().toUpperCase();
    if (!(await this.reference.city(code))) throw TrainingErrors.unknownCity(code);
    return this.forCity(code);
  }

  /** Every agency of the city (or of every city) with its count, recorded or default. */
  async forCity(cityCode?: string): Promise<AgencyWorkforceView[]> {
    const agencies = (await this.reference.agencies()).filter(
      (a) => !cityCode || a.cityCode === cityCode,
    );
    const rows = await this.em.fork().find(AgencyWorkforce, {
      agencyCode: { $in: agencies.map((a) => a.code) },
    });
    const recorded = new Map(rows.map((r) => [r.agencyCode, r.civilServants]));
    return agencies.map((a) => ({
      agencyCode: a.code,
      civilServants: recorded.get(a.code) ?? defaultCivilServants(a.type, a.cityCode),
      recorded: recorded.has(a.code),
    }));
  }

  async set(
    principal: Principal,
    agencyCode: string,
    civilServants: number,
  ): Promise<AgencyWorkforceView> {
    TrainingPolicy.setWorkforce(principal);
    const agency = await this.reference.agency(agencyCode.trim());
    if (!agency) throw TrainingErrors.unknownAgency(agencyCode, 'agencyCode');
    if (!Number.isInteger(civilServants) || civilServants < 1 || civilServants > MAX_CIVIL_SERVANTS)
      throw TrainingErrors.outOfRange('Jumlah ASN', 1, MAX_CIVIL_SERVANTS, 'civilServants');
    await this.em.fork().transactional(async (em) => {
      const row = await em.findOne(AgencyWorkforce, agency.code, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      const before = row?.civilServants ?? defaultCivilServants(agency.type, agency.cityCode);
      // An upsert, so two admins recording a first figure at once both succeed (the last wins).
      await em.upsert(AgencyWorkforce, {
        agencyCode: agency.code,
        civilServants,
        updatedAt: new Date(),
      });
      this.audit.record(em, {
        actor: staffAuditActor(principal),
        action: 'agency.civil_servants_set',
        subjectType: 'agency',
        subjectId: agency.code,
        before: { civilServants: before, recorded: !!row },
        after: { civilServants },
      });
    });
    return { agencyCode: agency.code, civilServants, recorded: true };
  }
}
