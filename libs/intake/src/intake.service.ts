import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@suara/audit';
import { ReferenceService, isNearCity } from '@suara/reference';
import { ReceiptKeys } from './citizen/receipt-keys.js';
import { checkCitizenSecret, hashCitizenSecret } from './citizen/citizen-secret.js';
import { CitizenFollowUp } from './entities/citizen-follow-up.entity.js';
import { FeedbackEvents } from './events/feedback-events.js';
import { PhotosService } from './photos/photos.service.js';
import { Feedback } from './entities/feedback.entity.js';
import { FeedbackResponse } from './entities/feedback-response.entity.js';
import { FeedbackChannel, FeedbackStatus } from './feedback.enums.js';
import { IntakeErrors } from './intake.errors.js';
import { type Principal } from '@suara/identity';
import { FeedbackPolicy, type ItemScope } from './access/feedback.policy.js';
import {
  type CitizenFeedbackView,
  type FollowUpView,
  type PhotoView,
  type FeedbackReceipt,
  type PublicFeedbackStatus,
} from './intake.views.js';
import { STATUS_CHANGED } from './lifecycle/feedback-lifecycle.js';
import { type NewFeedback, writeFeedback } from './feedback.writer.js';
import {
  type CleanSubmission,
  type SubmissionInput,
  checkFeedbackText,
  checkSubmission,
} from './submission/submission.rules.js';
import { normaliseTrackingCode } from './submission/tracking-code.js';

@Injectable()
export class IntakeService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly keys: ReceiptKeys,
    private readonly photos: PhotosService,
    private readonly events: FeedbackEvents,
  ) {}

  /**
   * Stores a citizen's feedback and, in the same statement, the job that will
   * route it. A retry with the same idempotency key and the same report returns
   * the first receipt (its secret derived again); the same key with a different
   * report is CONFLICT and stores nothing, so one sender can never be handed
   * another's receipt.
   */
  async submit(
    input: SubmissionInput,
    channel = FeedbackChannel.WEB_FORM,
  ): Promise<FeedbackReceipt> {
    const clean = checkSubmission(input);
    await this.checkPlace(clean.cityCode, clean.agencyCode);
    if (clean.coordinates && !isNearCity(clean.cityCode, clean.coordinates)) {
      const city = await this.reference.city(clean.cityCode);
      throw IntakeErrors.locationOutsideCity(city?.name ?? clean.cityCode);
    }
    const id = randomUUID();
    const citizenSecret = await this.keys.citizenSecret(id);
    const bodyHash = clean.idempotencyKey
      ? await this.keys.bodyHash(canonicalBody(clean, channel))
      : undefined;
    const item: NewFeedback = {
      id,
      kind: clean.kind,
      channel,
      text: clean.text,
      cityCode: clean.cityCode,
      agencyHintCode: clean.agencyCode,
      location: clean.location,
      latitude: clean.coordinates?.latitude,
      longitude: clean.coordinates?.longitude,
      anonymous: clean.anonymous,
      confidential: clean.confidential,
      idempotencyKey: clean.idempotencyKey,
      idempotencyBodyHash: bodyHash,
      citizenSecretHash: hashCitizenSecret(citizenSecret),
      contact: clean.reporter,
    };
    // Skipped means the idempotency key was used before, or (one in 10^15) the
    // tracking code was taken: then a new code is drawn.
    for (let attempt = 0; attempt < 4; attempt++) {
      // The item and its photos' claim commit together or not at all.
      const written = await this.em.fork().transactional(async (tx) => {
        const [stored] = await writeFeedback(tx, [item]);
        if (stored) await this.photos.claim(tx, stored.id, clean.photoTokens);
        return stored;
      });
      if (written) return { ...receiptOf(written), citizenSecret };
      if (clean.idempotencyKey) {
        const earlier = await this.em
          .fork()
          .findOne(
            Feedback,
            { idempotencyKey: clean.idempotencyKey },
            { populate: ['idempotencyBodyHash'] },
          );
        if (earlier) {
          if (!earlier.idempotencyBodyHash || earlier.idempotencyBodyHash !== bodyHash)
            throw IntakeErrors.idempotencyKeyReused();
          return {
            ...receiptOf(earlier),
            citizenSecret: await this.keys.citizenSecret(earlier.id),
          };
        }
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

  /**
   * The public face of an item. A duplicate's citizen follows the original, where
   * the work happens: its status, its later steps and its public answers.
   */
  async publicStatus(trackingCode: string): Promise<PublicFeedbackStatus | null> {
    const code = normaliseTrackingCode(trackingCode);
    if (!code) return null;
    const em = this.em.fork();
    const own = await em.findOne(Feedback, { trackingCode: code }, { populate: ['agency'] });
    if (!own) return null;
    const original =
      own.status === FeedbackStatus.DUPLICATE && own.duplicateOf
        ? await em.findOneOrFail(Feedback, own.duplicateOf.id, { populate: ['agency'] })
        : own;
    const ownSteps = await this.audit.trail(em, own.id, [STATUS_CHANGED]);
    const mergedAt = original === own ? undefined : ownSteps.at(-1)?.at;
    const laterSteps =
      original === own
        ? []
        : (await this.audit.trail(em, original.id, [STATUS_CHANGED])).filter(
            (c) => mergedAt && c.at > mergedAt,
          );
    const responses = await em.find(
      FeedbackResponse,
      { feedback: original, public: true },
      { orderBy: { createdAt: 'asc' } },
    );
    // Staff may have written the original's code in a note or an answer; the
    // duplicate's citizen must not learn it (it is another citizen's report).
    const shown = (text: string) =>
      original === own ? text : text.split(original.trackingCode).join('laporan lain');
    return {
      trackingCode: own.trackingCode,
      kind: own.kind,
      status: original.status,
      submittedAt: own.submittedAt,
      agency: original.agency
        ? { code: original.agency.code, name: original.agency.name }
        : undefined,
      merged: original !== own,
      canRate: original === own && own.status === FeedbackStatus.RESOLVED,
      timeline: [
        { status: FeedbackStatus.RECEIVED, at: own.submittedAt },
        ...[...ownSteps, ...laterSteps].map((c) => ({
          status: c.after?.status as FeedbackStatus,
          at: c.at,
          note: c.publicNote ? shown(c.publicNote) : undefined,
        })),
      ],
      responses: responses.map((r) => ({ message: shown(r.message), at: r.createdAt })),
    };
  }

  /**
   * The citizen's own report, for whoever holds its secret: the public status
   * plus what they sent. A wrong secret is refused before anything is read.
   */
  async citizenView(trackingCode: string, secret: string): Promise<CitizenFeedbackView> {
    const own = await this.ownItem(trackingCode, secret);
    const status = await this.publicStatus(own.trackingCode);
    return {
      ...status!,
      feedbackId: own.id,
      text: own.text,
      location: own.location,
      latitude: own.latitude,
      longitude: own.longitude,
      nextStepDueAt: !OPEN.has(own.status)
        ? undefined
        : own.status === FeedbackStatus.RESOLVED
          ? own.closeDueAt
          : own.slaDueAt,
      photos: await this.photos.photosOf(own.id),
      followUps: await this.followUps(own.id),
    };
  }

  /**
   * What the citizen adds to their report after sending it: kept beside the
   * item, audited as the citizen's, and announced to the agency's live queue.
   */
  async addFollowUp(trackingCode: string, secret: string, message: string) {
    const text = checkFeedbackText(message, 'message');
    const own = await this.ownItem(trackingCode, secret);
    const em = this.em.fork();
    const item = await em.findOneOrFail(Feedback, own.id, { populate: ['agency'] });
    const followUp = new CitizenFollowUp(item, text);
    em.persist(followUp);
    this.audit.record(em, {
      actor: { type: 'CITIZEN' },
      action: FOLLOW_UP_ADDED,
      subjectType: 'Feedback',
      subjectId: item.id,
      after: { followUpId: followUp.id, length: text.length },
    });
    await em.flush();
    await this.events.itemChanged(item);
    return { message: followUp.message, at: followUp.createdAt };
  }

  /** The citizen's photos, for staff the policy lets see them (an empty list for anyone else). */
  async photosForStaff(actor: Principal, item: ItemScope & { id: string }): Promise<PhotoView[]> {
    if (!FeedbackPolicy.canSeeCitizenMaterial(actor, item)) return [];
    return this.photos.photosOf(item.id);
  }

  /** The citizen's follow-up messages, for the same staff as the photos. */
  async followUpsForStaff(
    actor: Principal,
    item: ItemScope & { id: string },
  ): Promise<FollowUpView[]> {
    if (!FeedbackPolicy.canSeeCitizenMaterial(actor, item)) return [];
    return this.followUps(item.id);
  }

  private async followUps(feedbackId: string): Promise<FollowUpView[]> {
    const rows = await this.em
      .fork()
      .find(
        CitizenFollowUp,
        { feedback: feedbackId },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
    return rows.map((f) => ({ message: f.message, at: f.createdAt }));
  }

  private async ownItem(trackingCode: string, secret: string): Promise<Feedback> {
    const code = normaliseTrackingCode(trackingCode);
    const item = code
      ? await this.em
          .fork()
          .findOne(Feedback, { trackingCode: code }, { populate: ['citizenSecretHash'] })
      : null;
    if (!item) throw IntakeErrors.notFound();
    checkCitizenSecret(item, secret);
    return item;
  }
}

/** The audit action of a citizen's follow-up message. */
export const FOLLOW_UP_ADDED = 'feedback.citizen_follow_up';

/** Statuses in which a next step (and its deadline) is still ahead; a resolved item's is its closing. */
const OPEN = new Set<FeedbackStatus>([
  FeedbackStatus.RECEIVED,
  FeedbackStatus.NEEDS_TRIAGE,
  FeedbackStatus.ROUTED,
  FeedbackStatus.ACKNOWLEDGED,
  FeedbackStatus.IN_PROGRESS,
  FeedbackStatus.RESOLVED,
]);

function receiptOf(f: Pick<Feedback, 'trackingCode' | 'status' | 'submittedAt'>) {
  return { trackingCode: f.trackingCode, status: f.status, submittedAt: f.submittedAt };
}

/**
 * The report as stored, in a fixed order: two requests are "the same" when they
 * would store the same item, whatever their spacing or letter case.
 */
function canonicalBody(c: CleanSubmission, channel: FeedbackChannel): string {
  return JSON.stringify([
    channel,
    c.kind,
    c.cityCode,
    c.text,
    c.agencyCode ?? null,
    c.location ?? null,
    c.reporter?.name ?? null,
    c.reporter?.email ?? null,
    c.reporter?.phone ?? null,
    c.anonymous,
    c.confidential,
    c.coordinates?.latitude ?? null,
    c.coordinates?.longitude ?? null,
    [...c.photoTokens].sort(),
  ]);
}
