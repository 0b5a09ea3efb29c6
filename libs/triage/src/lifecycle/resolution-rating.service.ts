import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  Feedback,
  FeedbackEvents,
  FeedbackLifecycle,
  FeedbackStatus,
  IntakeErrors,
  IntakeService,
  type PublicFeedbackStatus,
  checkCitizenSecret,
  checkOptionalText,
  normaliseTrackingCode,
} from '@suara/intake';
import { ServiceDeadlines } from '@suara/reference';
import { ResolutionRating } from '../entities/resolution-rating.entity.js';
import { TriageErrors } from '../triage.errors.js';

/** At or below this score the citizen is not satisfied; the item reopens (once). */
export const UNSATISFIED_AT_MOST = 2;
const CITIZEN = { type: 'CITIZEN' as const };

/**
 * The citizen closes the loop: rating a resolved item closes it, or, the first
 * time the answer did not help, sends it back to the agency with a new deadline.
 */
@Injectable()
export class ResolutionRatingService {
  constructor(
    private readonly em: EntityManager,
    private readonly lifecycle: FeedbackLifecycle,
    private readonly intake: IntakeService,
    private readonly events: FeedbackEvents,
    private readonly deadlines: ServiceDeadlines,
  ) {}

  /**
   * Only the citizen rates: the tracking code names the item (staff and others
   * may know it), the secret from the receipt proves who is rating.
   */
  async rate(
    trackingCode: string,
    citizenSecret: string | null | undefined,
    score: number,
    comment?: string | null,
  ): Promise<PublicFeedbackStatus> {
    if (!Number.isInteger(score) || score < 1 || score > 5) throw TriageErrors.badScore();
    const note = checkOptionalText(comment, 'Komentar', 1_000, 'comment');
    // Missing is the form's mistake, told before any look-up; wrong is checked on the item.
    if (!citizenSecret?.trim()) throw IntakeErrors.citizenSecretMissing();
    const code = normaliseTrackingCode(trackingCode);
    const item = await this.em.fork().transactional(async (tx) => {
      const found = code
        ? await tx.findOne(Feedback, { trackingCode: code }, { populate: ['citizenSecretHash'] })
        : null;
      if (!found) throw TriageErrors.notFoundByCode(trackingCode.slice(0, 32));
      checkCitizenSecret(found, citizenSecret);
      if (found.status !== FeedbackStatus.RESOLVED) throw TriageErrors.notRatable(found.status);
      tx.persist(new ResolutionRating(found, found.reopenCount + 1, score, note));
      if (score <= UNSATISFIED_AT_MOST && found.reopenCount === 0) {
        found.reopenCount += 1;
        found.resolvedAt = undefined;
        found.closeDueAt = undefined;
        found.escalatedAt = undefined;
        found.slaDueAt = this.deadlines.firstResponse(new Date());
        this.lifecycle.transition(tx, found, FeedbackStatus.IN_PROGRESS, {
          actor: CITIZEN,
          publicNote: 'Dibuka kembali karena Anda belum puas; instansi akan menindaklanjuti lagi.',
          detail: { score, comment: note },
        });
      } else {
        this.lifecycle.transition(tx, found, FeedbackStatus.CLOSED, {
          actor: CITIZEN,
          publicNote: `Ditutup dengan nilai ${score} dari warga. Terima kasih.`,
          detail: { score, comment: note },
        });
      }
      return found;
    });
    await this.events.itemChanged(item);
    return (await this.intake.publicStatus(item.trackingCode))!;
  }
}
