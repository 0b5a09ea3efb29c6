import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { ReferenceService } from '@suara/reference';
import { Feedback } from './entities/feedback.entity.js';
import { FeedbackChannel, FeedbackStatus } from './feedback.enums.js';
import { IntakeErrors } from './intake.errors.js';
import { type FeedbackReceipt, type PublicFeedbackStatus } from './intake.views.js';
import { STATUS_CHANGED } from './lifecycle/feedback-lifecycle.js';
import { type NewFeedback, writeFeedback } from './feedback.writer.js';
import { type SubmissionInput, checkSubmission } from './submission/submission.rules.js';
import { normaliseTrackingCode } from './submission/tracking-code.js';

@Injectable()
export class IntakeService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores a citizen's feedback and, in the same statement, the job that will
   * route it; a retry with the same idempotency key returns the first receipt.
   */
  async submit(
    input: SubmissionInput,
    channel = FeedbackChannel.WEB_FORM,
  ): Promise<FeedbackReceipt> {
    const clean = checkSubmission(input);
    await this.checkPlace(clean.cityCode, clean.agencyCode);
    const item: NewFeedback = {
      kind: clean.kind,
      channel,
      text: clean.text,
      cityCode: clean.cityCode,
      agencyHintCode: clean.agencyCode,
      location: clean.location,
      anonymous: clean.anonymous,
      confidential: clean.confidential,
      idempotencyKey: clean.idempotencyKey,
      contact: clean.reporter,
    };
    // Skipped means the idempotency key was used before, or (one in 10^15) the
    // tracking code was taken: then a new code is drawn.
    for (let attempt = 0; attempt < 4; attempt++) {
      const [written] = await writeFeedback(this.em.fork(), [item]);
      if (written) return receiptOf(written);
      if (clean.idempotencyKey) {
        const earlier = await this.findByIdempotencyKey(clean.idempotencyKey);
        if (earlier) return earlier;
      }
    }
    throw new Error('Could not store feedback: no free tracking code after 4 draws');
  }

  /** Checks a city code and an agency hint against the reference data. */
  async checkPlace(
    cityCode: string,
    agencyCode?: string,
    agencyField = 'agencyCode',
  ): Promise<void> {
    const city = await this.reference.city(cityCode);
    if (!city) {
      const known = (await this.reference.cities()).map((c) => c.code);
      throw IntakeErrors.unknownCity(cityCode, known);
    }
    if (agencyCode === undefined) return;
    const agency = await this.reference.agency(agencyCode);
    if (!agency) throw IntakeErrors.unknownAgency(agencyCode, agencyField);
    if (agency.cityCode !== city.code)
      throw IntakeErrors.agencyOfOtherCity(agencyCode, city.code, agencyField);
  }

  async publicStatus(trackingCode: string): Promise<PublicFeedbackStatus | null> {
    const code = normaliseTrackingCode(trackingCode);
    if (!code) return null;
    const em = this.em.fork();
    const feedback = await em.findOne(Feedback, { trackingCode: code }, { populate: ['agency'] });
    if (!feedback) return null;
    const changes = await this.audit.trail(em, feedback.id, [STATUS_CHANGED]);
    return {
      trackingCode: feedback.trackingCode,
      kind: feedback.kind,
      status: feedback.status,
      submittedAt: feedback.submittedAt,
      agency: feedback.agency
        ? { code: feedback.agency.code, name: feedback.agency.name }
        : undefined,
      timeline: [
        { status: FeedbackStatus.RECEIVED, at: feedback.submittedAt },
        ...changes.map((c) => ({
          status: c.after?.status as FeedbackStatus,
          at: c.at,
          note: c.publicNote ?? undefined,
        })),
      ],
      responses: [],
    };
  }

  private async findByIdempotencyKey(key: string): Promise<FeedbackReceipt | undefined> {
    const earlier = await this.em.fork().findOne(Feedback, { idempotencyKey: key });
    return earlier ? receiptOf(earlier) : undefined;
  }
}

function receiptOf(f: Pick<Feedback, 'trackingCode' | 'status' | 'submittedAt'>): FeedbackReceipt {
  return { trackingCode: f.trackingCode, status: f.status, submittedAt: f.submittedAt };
}
