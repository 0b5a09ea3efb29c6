import sharp from 'sharp';

/** A phone photo as cameras write it: with the GPS position and the camera's details in EXIF. */
export function phonePhoto(width = 2400, height = 1800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS 90D', Copyright: 'SERIAL-0042' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '3/1 35/1 42/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '98/1 40/1 20/1',
      },
    })
    .jpeg()
    .toBuffer();
}
