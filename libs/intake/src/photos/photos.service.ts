import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { SuaraConfig } from '@suara/core';
import { InstallationSecrets } from '@suara/identity';
import { FeedbackPhoto } from '../entities/feedback-photo.entity.js';
import { IntakeErrors } from '../intake.errors.js';
import type { IntakeTables } from '../intake.tables.js';
import type { PhotoView, UploadedPhoto } from '../intake.views.js';
import { preparePhoto } from './photo-image.js';
import { PhotoStorage } from './photo-storage.js';

const LINK_KEY = 'photo-link-key';
/** How long a photo link handed to staff or the citizen works. */
const LINK_LIFETIME_S = 3_600;
/** Expired uploads deleted per sweep: a bounded amount of work per upload. */
const SWEEP_BATCH = 50;

/**
 * Citizens' photos: uploaded first (each answered with a token), claimed by the
 * submission in its own transaction, and shown only through short-lived signed
 * links, which only the callers that checked access (staff's item, the citizen's
 * secret) hand out. An upload no submission claims is deleted after
 * PHOTO_UPLOAD_TTL_MS, so a failed or abandoned report leaves no file behind.
 */
@Injectable()
export class PhotosService {
  private readonly logger = new Logger(PhotosService.name);
  private readonly ttlMs: number;

  constructor(
    private readonly em: EntityManager,
    @Inject(PhotoStorage) private readonly storage: PhotoStorage,
    private readonly secrets: InstallationSecrets,
    config: SuaraConfig,
  ) {
    this.ttlMs = config.env.PHOTO_UPLOAD_TTL_MS;
  }

  async upload(file: Buffer | undefined): Promise<UploadedPhoto> {
    if (!file) throw IntakeErrors.photoMissing();
    const photo = await preparePhoto(file);
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}.jpg`;
    await this.storage.put(storageKey, photo.bytes, photo.contentType);
    const row = new FeedbackPhoto({
      id,
      uploadToken: randomBytes(24).toString('base64url'),
      storageKey,
      contentType: photo.contentType,
      width: photo.width,
      height: photo.height,
      byteSize: photo.bytes.length,
    });
    try {
      await this.em.fork().persist(row).flush();
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
    await this.sweepExpired().catch((error: Error) =>
      this.logger.warn(`Sweeping expired photo uploads failed: ${error.message}`),
    );
    return {
      token: row.uploadToken,
      contentType: row.contentType,
      width: row.width,
      height: row.height,
    };
  }

  /**
   * Ties uploads to a new item inside the submission's transaction: all of them
   * or the submission fails (and its item is rolled back with it).
   */
  async claim(tx: EntityManager, feedbackId: string, tokens: readonly string[]): Promise<void> {
    if (tokens.length === 0) return;
    const claimed = await tx
      .getKysely<IntakeTables>()
      .updateTable('feedback_photo')
      .set({ feedback_id: feedbackId })
      .where('upload_token', 'in', [...tokens])
      .where('feedback_id', 'is', null)
      .where('uploaded_at', '>', new Date(Date.now() - this.ttlMs))
      .returning('id')
      .execute();
    if (claimed.length !== tokens.length) throw IntakeErrors.photoTokenUnknown();
  }

  /**
   * Deletes uploads no report claimed in time: the rows first (a claim can then
   * no longer take them), then their files.
   */
  async sweepExpired(now = new Date()): Promise<number> {
    const db = this.em.fork().getKysely<IntakeTables>();
    const expired = db
      .selectFrom('feedback_photo')
      .select('id')
      .where('feedback_id', 'is', null)
      .where('uploaded_at', '<', new Date(now.getTime() - this.ttlMs))
      .limit(SWEEP_BATCH);
    const gone = await db
      .deleteFrom('feedback_photo')
      .where('id', 'in', expired)
      .where('feedback_id', 'is', null)
      .returning('storage_key')
      .execute();
    for (const { storage_key } of gone) await this.storage.delete(storage_key);
    return gone.length;
  }

  /** An item's photos with links that work for an hour; callers have checked access. */
  async photosOf(feedbackId: string): Promise<PhotoView[]> {
    const rows = await this.em
      .fork()
      .find(FeedbackPhoto, { feedback: feedbackId }, { orderBy: { uploadedAt: 'asc', id: 'asc' } });
    const expires = Math.floor(Date.now() / 1000) + LINK_LIFETIME_S;
    const key = await this.linkKey();
    return rows.map((p) => ({
      id: p.id,
      contentType: p.contentType,
      width: p.width,
      height: p.height,
      url: `/api/photos/${p.id}?e=${expires}&s=${sign(key, p.id, expires)}`,
    }));
  }

  /**
   * The file behind a signed link, or undefined (unknown, unclaimed, expired or
   * forged links alike, so a guess learns nothing).
   */
  async download(
    id: string,
    expires: string | undefined,
    signature: string | undefined,
  ): Promise<{ bytes: Buffer; contentType: string } | undefined> {
    const until = Number(expires);
    if (!/^[0-9a-f-]{36}$/.test(id) || !Number.isInteger(until) || !signature) return undefined;
    if (until < Date.now() / 1000) return undefined;
    const expected = Buffer.from(sign(await this.linkKey(), id, until));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const row = await this.em.fork().findOne(FeedbackPhoto, { id, feedback: { $ne: null } });
    if (!row) return undefined;
    const bytes = await this.storage.get(row.storageKey);
    return bytes ? { bytes, contentType: row.contentType } : undefined;
  }

  private async linkKey(): Promise<Buffer> {
    return Buffer.from(await this.secrets.get(LINK_KEY), 'utf8');
  }
}

function sign(key: Buffer, id: string, expires: number): string {
  return createHmac('sha256', key).update(`photo:${id}:${expires}`).digest('base64url');
}
