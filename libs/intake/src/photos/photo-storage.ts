import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { type Env } from '@suara/core';

/** Where photo files live; the database holds only their keys. */
export abstract class PhotoStorage {
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Undefined when there is no such object. */
  abstract get(key: string): Promise<Buffer | undefined>;
  /** Deleting what is already gone is not an error. */
  abstract delete(key: string): Promise<void>;
}

/** One folder on this machine (PHOTO_DIR): enough for a single API machine. */
export class LocalPhotoStorage extends PhotoStorage {
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  async put(key: string, body: Buffer, _contentType: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const partial = `${path}.${process.pid}.part`;
    await writeFile(partial, body);
    await rename(partial, path);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Keys are made by the service (uuid-based); this only refuses one that would leave the folder. */
  private path(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + '/')) throw new Error(`Photo key outside the folder: ${key}`);
    return path;
  }
}

/** An S3-compatible bucket (AWS, MinIO, Cloudflare R2…), shared by every API machine. */
export class S3PhotoStorage extends PhotoStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

/** The bucket when one is configured, the local folder otherwise. */
export function photoStorageFor(env: Env): PhotoStorage {
  if (!env.S3_BUCKET) return new LocalPhotoStorage(env.PHOTO_DIR);
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    // MinIO and most self-hosted stores address buckets by path, not by host name.
    forcePathStyle: env.S3_ENDPOINT !== undefined,
  });
  return new S3PhotoStorage(client, env.S3_BUCKET);
}
