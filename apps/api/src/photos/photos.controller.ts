import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { MAX_PHOTO_BYTES, PhotosService, type UploadedPhoto } from '@suara/intake';
import { RateBudget } from '../infra/gql-throttler.guard.js';
import { PhotoUploadErrorsFilter } from './photo-upload-errors.filter.js';

/**
 * Photos go through REST, not GraphQL, so the GraphQL endpoint stays JSON only:
 * an upload answers with a token, which `submitFeedback(input: { photoTokens })`
 * claims. Downloads need the signed link that `Feedback.photos` (staff) or
 * `myFeedback.photos` (the citizen with the secret) hands out.
 */
@Controller('api/photos')
export class PhotosController {
  constructor(private readonly photos: PhotosService) {}

  @Post()
  @HttpCode(201)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ [RateBudget.STATUS]: true })
  @UseFilters(PhotoUploadErrorsFilter)
  @UseInterceptors(
    FileInterceptor('photo', {
      // Multer stops reading at the limit: a too-large file never fills memory.
      limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0, parts: 1 },
    }),
  )
  upload(@UploadedFile() file?: { buffer: Buffer }): Promise<UploadedPhoto> {
    return this.photos.upload(file?.buffer);
  }

  @Get(':id')
  @SkipThrottle({ [RateBudget.PUBLIC]: true, [RateBudget.STATUS]: true })
  async download(
    @Param('id') id: string,
    @Query('e') expires: string | undefined,
    @Query('s') signature: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const photo = await this.photos.download(id, expires, signature);
    if (!photo) {
      res.status(404).json({
        code: 'NOT_FOUND',
        message: 'Foto tidak ditemukan atau tautannya sudah kedaluwarsa. Muat ulang halaman.',
      });
      return;
    }
    res
      .status(200)
      .type(photo.contentType)
      .set({
        'Cache-Control': 'private, max-age=3600',
        'Content-Security-Policy': "default-src 'none'",
        'X-Content-Type-Options': 'nosniff',
      })
      .send(photo.bytes);
  }
}
