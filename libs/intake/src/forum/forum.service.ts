import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isDomainError, isUuid } from '@suara/core';
import {
  type StaffOrSystem,
  StaffRole,
  isSystem,
  requireCityManager,
  requireRole,
} from '@suara/identity';
import { Agency, City, ReferenceService } from '@suara/reference';
import { ForumSession } from '../entities/forum-session.entity.js';
import { FeedbackChannel } from '../feedback.enums.js';
import { type NewFeedback, writeFeedback } from '../feedback.writer.js';
import { IntakeErrors } from '../intake.errors.js';
import { IntakeService } from '../intake.service.js';
import { type ForumSessionView } from '../intake.views.js';
import { checkLength, cleanText } from '../submission/submission.rules.js';
import {
  type CleanStatement,
  type ForumStatementInput,
  type RejectedStatement,
  checkHeldOn,
  checkStatement,
} from './forum.rules.js';

export interface ForumSessionInput {
  cityCode: string;
  title: string;
  heldOn: string;
  venue?: string | null;
  hostAgencyCode?: string | null;
}

export interface ForumImportResult {
  imported: number;
  duplicates: number;
  rejected: RejectedStatement[];
}

/** Rows a single INSERT carries: large enough to amortise the round trip, small enough to stay fast to parse. */
const BATCH_SIZE = 500;
export const MAX_STATEMENTS_PER_IMPORT = 10_000;

@Injectable()
export class ForumService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
    private readonly intake: IntakeService,
  ) {}

  async recordSession(actor: StaffOrSystem, input: ForumSessionInput): Promise<ForumSessionView> {
    // Who may record at all first, then the input, then whether this city is theirs.
    if (!isSystem(actor))
      requireRole(actor, 'mencatat sesi forum', StaffRole.COORDINATOR, StaffRole.ADMIN);
    const cityCode = cleanText(input.cityCode).toUpperCase();
    const title = cleanText(input.title);
    if (title === '') throw IntakeErrors.required('Judul sesi', 'title');
    checkLength(title, 'Judul sesi', 200, 'title');
    const heldOn = checkHeldOn(input.heldOn);
    const venue = checkLength(cleanText(input.venue) || undefined, 'Tempat', 200, 'venue');
    const hostAgencyCode = cleanText(input.hostAgencyCode).toUpperCase() || undefined;
    await this.intake.checkPlace(cityCode, hostAgencyCode, 'hostAgencyCode');
    requireCityManager(actor, cityCode, 'mencatat sesi forum');

    const em = this.em.fork();
    const session = new ForumSession(em.getReference(City, cityCode), title, heldOn);
    session.venue = venue;
    if (hostAgencyCode) session.hostAgency = em.getReference(Agency, hostAgencyCode);
    await em.persist(session).flush();
    return forumSessionView(
      await em.findOneOrFail(ForumSession, session.id, { populate: ['city', 'hostAgency'] }),
    );
  }

  private async findSession(id: string): Promise<ForumSession | null> {
    if (!isUuid(id)) return null;
    return this.em.fork().findOne(ForumSession, id, { populate: ['city', 'hostAgency'] });
  }

  /**
   * Imports a session's statements: bad ones are reported by index, a statement
   * whose externalRef the session already has is a duplicate, and the rest are
   * written in batches with their routing jobs, all in one transaction.
   */
  async importStatements(
    actor: StaffOrSystem,
    sessionId: string,
    statements: ForumStatementInput[],
  ): Promise<ForumImportResult> {
    if (statements.length > MAX_STATEMENTS_PER_IMPORT) {
      throw IntakeErrors.tooManyStatements(MAX_STATEMENTS_PER_IMPORT, statements.length);
    }
    const session = await this.findSession(sessionId);
    if (!session) throw IntakeErrors.forumSessionNotFound(sessionId);
    const cityCode = session.city.code;
    requireCityManager(actor, cityCode, 'mengimpor pernyataan forum');

    const rejected: RejectedStatement[] = [];
    const accepted: CleanStatement[] = [];
    const seenRefs = new Set<string>();
    let duplicates = 0;
    for (const [index, raw] of statements.entries()) {
      try {
        const statement = checkStatement(raw);
        if (statement.agencyCode) await this.intake.checkPlace(cityCode, statement.agencyCode);
        if (seenRefs.has(statement.externalRef)) {
          duplicates++;
          continue;
        }
        seenRefs.add(statement.externalRef);
        accepted.push(statement);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        rejected.push({
          index,
          reason: error.field ? `${error.field}: ${error.message}` : error.message,
        });
      }
    }

    let imported = 0;
    await this.em.fork().transactional(async (tx) => {
      for (let i = 0; i < accepted.length; i += BATCH_SIZE) {
        const batch = accepted.slice(i, i + BATCH_SIZE).map((s): NewFeedback => ({
          kind: s.kind,
          channel: FeedbackChannel.FORUM,
          text: s.text,
          cityCode,
          agencyHintCode: s.agencyCode,
          forumSessionId: session.id,
          externalRef: s.externalRef,
          contact: s.speaker ? { name: s.speaker } : undefined,
        }));
        // A ref the session already holds is skipped by the unique (session, ref) index,
        // so concurrent imports of the same file cannot create twins.
        imported += (await writeFeedback(tx, batch)).length;
      }
    });
    return { imported, duplicates: duplicates + accepted.length - imported, rejected };
  }
}

function forumSessionView(session: ForumSession): ForumSessionView {
  return {
    id: session.id,
    cityCode: session.city.code,
    title: session.title,
    heldOn: session.heldOn,
    venue: session.venue,
    hostAgency: session.hostAgency
      ? { code: session.hostAgency.code, name: session.hostAgency.name }
      : undefined,
  };
}
