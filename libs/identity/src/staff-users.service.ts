import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { isUuid } from '@suara/core';
import { Agency, City, ReferenceService } from '@suara/reference';
import { StaffUser } from './entities/staff-user.entity.js';
import { checkNewAccount } from './credential-limits.js';
import { IdentityErrors } from './identity.errors.js';
import { type StaffUserView, staffUserView } from './identity.views.js';
import { hashPassword } from './password.js';
import { type Principal, StaffRole } from './roles.js';
import { requireRole, staffAuditActor } from './access.js';

export interface NewStaffUser {
  email: string;
  name: string;
  password: string;
  role: StaffRole;
  agencyCode?: string | null;
  cityCode?: string | null;
}

@Injectable()
export class StaffUsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Principal, input: NewStaffUser): Promise<StaffUserView> {
    requireRole(actor, 'membuat akun petugas', StaffRole.ADMIN);
    checkNewAccount(input);
    const em = this.em.fork();
    const user = await this.build(em, input, await hashPassword(input.password));
    if (await em.count(StaffUser, { email: user.email }))
      throw IdentityErrors.emailTaken(user.email);
    em.persist(user);
    this.audit.record(em, {
      actor: staffAuditActor(actor),
      action: 'user.created',
      subjectType: 'StaffUser',
      subjectId: user.id,
      after: {
        email: user.email,
        role: user.role,
        agencyCode: user.agency?.code,
        cityCode: user.city?.code,
      },
    });
    await em.flush();
    return staffUserView(
      await em.findOneOrFail(StaffUser, user.id, { populate: ['agency', 'city'] }),
    );
  }

  async deactivate(actor: Principal, id: string): Promise<StaffUserView> {
    requireRole(actor, 'menonaktifkan akun petugas', StaffRole.ADMIN);
    const em = this.em.fork();
    const user = isUuid(id)
      ? await em.findOne(StaffUser, id, { populate: ['agency', 'city'] })
      : null;
    if (!user) throw IdentityErrors.userNotFound(id);
    if (user.active) {
      user.active = false;
      user.deactivatedAt = new Date();
      this.audit.record(em, {
        actor: staffAuditActor(actor),
        action: 'user.deactivated',
        subjectType: 'StaffUser',
        subjectId: user.id,
        before: { active: true },
        after: { active: false },
      });
      await em.flush();
    }
    return staffUserView(user);
  }

  async me(actor: Principal): Promise<StaffUserView> {
    return staffUserView(
      await this.em.fork().findOneOrFail(StaffUser, actor.userId, { populate: ['agency', 'city'] }),
    );
  }

  async list(actor: Principal): Promise<StaffUserView[]> {
    requireRole(actor, 'melihat daftar akun petugas', StaffRole.ADMIN);
    const users = await this.em
      .fork()
      .find(StaffUser, {}, { orderBy: { email: 'asc' }, populate: ['agency', 'city'] });
    return users.map(staffUserView);
  }

  /**
   * The demo accounts of CONTRACT.md, created or reset to the demo password.
   * They share one hash because they share one password; hashing 54 times would
   * only slow the seed down.
   */
  async seedDemo(password: string): Promise<number> {
    const em = this.em.fork();
    const passwordHash = await hashPassword(password);
    const cities = await this.reference.cities();
    const agencies = await this.reference.agencies();
    const accounts: NewStaffUser[] = [
      { email: 'admin@demo.suara.id', name: 'Admin Demo', password, role: StaffRole.ADMIN },
      {
        email: 'planner@demo.suara.id',
        name: 'Perencana BKPSDM Demo',
        password,
        role: StaffRole.PLANNER,
      },
      ...cities.map((c) => ({
        email: `coordinator.${c.code.toLowerCase()}@demo.suara.id`,
        name: `Koordinator ${c.name}`,
        password,
        role: StaffRole.COORDINATOR,
        cityCode: c.code,
      })),
      ...agencies.map((a) => ({
        email: `staff.${a.code.toLowerCase()}@demo.suara.id`,
        name: `Petugas ${a.name}`,
        password,
        role: StaffRole.AGENCY_STAFF,
        agencyCode: a.code,
      })),
    ];
    for (const account of accounts) {
      const existing = await em.findOne(StaffUser, { email: account.email });
      if (existing) {
        existing.passwordHash = passwordHash;
        existing.active = true;
      } else {
        em.persist(await this.build(em, account, passwordHash));
      }
    }
    await em.flush();
    return accounts.length;
  }

  private async build(
    em: EntityManager,
    input: NewStaffUser,
    passwordHash: string,
  ): Promise<StaffUser> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw IdentityErrors.invalidScope('Alamat email tidak valid.', 'email');
    }
    const user = new StaffUser({
      email,
      name: input.name.trim() || email,
      passwordHash,
      role: input.role,
    });
    if (input.role === StaffRole.AGENCY_STAFF) {
      const agency = input.agencyCode ? await this.reference.agency(input.agencyCode) : undefined;
      if (!agency)
        throw IdentityErrors.invalidScope(
          'Petugas instansi harus terikat pada satu instansi yang dikenal (agencyCode).',
          'agencyCode',
        );
      user.agency = em.getReference(Agency, agency.code);
      user.city = em.getReference(City, agency.cityCode);
    } else if (input.role === StaffRole.COORDINATOR) {
      const city = input.cityCode ? await this.reference.city(input.cityCode) : undefined;
      if (!city)
        throw IdentityErrors.invalidScope(
          'Koordinator harus terikat pada satu kota yang dikenal (cityCode).',
          'cityCode',
        );
      user.city = em.getReference(City, city.code);
    }
    return user;
  }
}
