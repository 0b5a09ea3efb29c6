import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { IntakeErrors } from '../intake.errors.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Enough to read a street sign; a phone's 12-megapixel original is ten times the bytes. */
const MAX_EDGE = 1600;
/** A decompression bomb (a small file of a huge image) stops here, not in memory. */
const MAX_INPUT_PIXELS = 50_000_000;

export interface PreparedPhoto {
  bytes: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
}

/**
 * A citizen's file made safe to keep: its type judged by its content (never
 * its name), re-encoded as a JPEG of at most 1600 px, turned upright, and
 * without any metadata: EXIF's GPS position and camera serial are personal
 * data, and re-encoding also drops whatever else was hidden in the file.
 */
export async function preparePhoto(input: Buffer): Promise<PreparedPhoto> {
  if (input.length === 0) throw IntakeErrors.photoMissing();
  if (input.length > MAX_PHOTO_BYTES) throw IntakeErrors.photoTooLarge(MAX_PHOTO_BYTES >> 20);
  const type = await fileTypeFromBuffer(input);
  if (!type || !ACCEPTED.has(type.mime)) throw IntakeErrors.photoWrongType();
  try {
    const { data, info } = await sharp(input, {
      failOn: 'error',
      limitInputPixels: MAX_INPUT_PIXELS,
    })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch {
    throw IntakeErrors.photoUnreadable();
  }
}
