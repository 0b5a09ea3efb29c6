import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { phonePhoto } from './support/photos.js';
import { TEXT_FOR, routedItem } from './support/triage-items.js';

/** Citizens' photos, their location and their own view of the report, against the real API. */
describe('photos, location and the citizen’s own report', () => {
  let stack: SuaraTestStack;
  let photoDir: string;
  let client: Client | undefined;

  beforeAll(async () => {
    photoDir = mkdtempSync(join(tmpdir(), 'suara-photos-'));
    stack = await SuaraTestStack.start({ env: { PHOTO_DIR: photoDir } });
  });
  afterAll(async () => {
    await client?.dispose();
    await stack.stop();
    rmSync(photoDir, { recursive: true, force: true });
  });

  const upload = async (bytes: Buffer, name = 'foto.jpg', type = 'image/jpeg') => {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${stack.url}/api/photos`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  const storedFiles = () =>
    readdirSync(photoDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  const submit = (input: Record<string, unknown>) =>
    graphql(
      stack.url,
      'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode citizenSecret } }',
      { i: { cityCode: 'MDN', kind: 'COMPLAINT', text: TEXT_FOR.DLH, ...input } },
    );

  it('keeps a shrunken photo without its EXIF (GPS, camera) and refuses what is not a photo', async () => {
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const ok = await upload(original);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ contentType: 'image/jpeg', width: 1600, height: 1200 });
    const [row] = await stack.sql<{ storage_key: string }>(
      'select storage_key from feedback_photo where upload_token = ?',
      [ok.body.token],
    );
    const stored = await sharp(join(photoDir, row.storage_key)).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.width).toBe(1600);

    // Judged by content, never by name: an executable or a text file called foto.jpg.
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(600)]);
    for (const fake of [elf, Buffer.from('#!/bin/sh\nrm -rf /\n'.repeat(20))]) {
      const refused = await upload(fake, 'foto.jpg', 'image/jpeg');
      expect(refused).toEqual({
        status: 400,
        body: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          field: 'photos',
          message: expect.stringMatching(/bukan foto JPEG, PNG atau WebP/),
        }),
      });
    }
    // Over 5 MB (noise does not compress): refused before it is decoded.
    const noise = Buffer.from(
      Array.from({ length: 1400 * 1400 * 3 }, () => Math.floor(Math.random() * 256)),
    );
    const huge = await sharp(noise, { raw: { width: 1400, height: 1400, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    const tooLarge = await upload(huge, 'besar.png', 'image/png');
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'photos',
      message: expect.stringMatching(/Foto terlalu besar: paling besar 5 MB/),
    });
  });

  it('shows a confidential report’s photos to its agency’s staff and never to the public', async () => {
    const { body } = await upload(await phonePhoto(800, 600));
    const item = await routedItem(stack, 'MDN-DLH', {
      confidential: true,
      photoTokens: [body.token],
    });
    const query =
      'query($id: ID!) { feedback(id: $id) { photos { id url contentType width height } } }';
    const staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    const seen = await graphql(stack.url, query, { id: item.id }, staff);
    const [photo] = seen.data!.feedback.photos;
    expect(photo).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 600 });

    const served = await fetch(stack.url + photo.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).exif).toBeUndefined();

    // Without the signed link (the public, a guess, a tampered link): nothing.
    for (const path of [
      `/api/photos/${photo.id}`,
      photo.url.replace(/s=[^&]+/, 's=AAAA'),
      photo.url.replace(/e=\d+/, `e=${Math.floor(Date.now() / 1000) + 999_999}`),
    ])
      expect((await fetch(stack.url + path)).status).toBe(404);
    // Another agency's staff and the public status see no photos at all.
    const other = await stack.login('staff.mdn-pupr@demo.suara.id');
    const notTheirs = await graphql(stack.url, query, { id: item.id }, other);
    expect(notTheirs.data?.feedback?.photos ?? []).toEqual([]);
    const publicStatus = await graphql(
      stack.url,
      'query($c: String!) { feedbackStatus(trackingCode: $c) { photos { id } } }',
      { c: item.trackingCode },
    );
    expect(publicStatus.errors?.[0].message).toMatch(/photos/);
  });

  it('refuses a location outside the city and keeps no file of a report that failed', async () => {
    const before = storedFiles().length;
    const { body } = await upload(await phonePhoto(640, 480));
    const refused = await submit({ latitude: -6.2, longitude: 106.8, photoTokens: [body.token] });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Lokasi berada di luar Kota Medan/),
      extensions: { code: 'BAD_USER_INPUT', field: 'latitude' },
    });
    expect(
      await stack.sql(
        'select 1 from feedback_photo where upload_token = ? and feedback_id is not null',
        [body.token],
      ),
    ).toEqual([]);
    // An unknown token refuses the whole report: no item without its photos.
    const [{ n: items }] = await stack.sql<{ n: number }>('select count(*)::int n from feedback');
    const lost = await submit({ photoTokens: [body.token, 'tidak-ada'] });
    expect(lost.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photos' });
    expect((await stack.sql<{ n: number }>('select count(*)::int n from feedback'))[0].n).toBe(
      items,
    );

    // Unclaimed past its time, the upload is swept (here by the next upload) with its file.
    await stack.sql(
      "update feedback_photo set uploaded_at = now() - interval '2 hours' where upload_token = ?",
      [body.token],
    );
    await upload(await phonePhoto(320, 240));
    expect(
      await stack.sql('select 1 from feedback_photo where upload_token = ?', [body.token]),
    ).toEqual([]);
    expect(storedFiles().length).toBe(before + 1);

    const tooMany = await submit({ photoTokens: ['a', 'b', 'c', 'd'] });
    expect(tooMany.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/photoTokens/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const halfPlace = await submit({ latitude: 3.59 });
    expect(halfPlace.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'latitude',
    });

    const inside = await submit({ latitude: 3.59, longitude: 98.67 });
    const [row] = await stack.sql<{ latitude: number; longitude: number }>(
      'select latitude, longitude from feedback where tracking_code = ?',
      [inside.data!.submitFeedback.trackingCode],
    );
    expect(row).toEqual({ latitude: 3.59, longitude: 98.67 });
  });

  it('shows the citizen their own report with the secret, and their follow-up reaches staff live', async () => {
    const { body } = await upload(await phonePhoto(800, 600));
    const item = await routedItem(stack, 'MDN-DLH', {
      location: 'Pasar Petisah',
      photoTokens: [body.token],
    });
    const staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    await graphql(
      stack.url,
      'mutation($id: ID!) { respondToFeedback(id: $id, message: "Truk dijadwalkan besok.", public: true) { id } }',
      { id: item.id },
      staff,
    );
    const mine = `query($c: String!, $s: String!) { myFeedback(trackingCode: $c, citizenSecret: $s) {
      text location nextStepDueAt agency { code } photos { url width } responses { message } timeline { status } } }`;
    const own = await graphql(stack.url, mine, { c: item.trackingCode, s: item.citizenSecret });
    expect(own.data!.myFeedback).toMatchObject({
      text: TEXT_FOR.DLH,
      location: 'Pasar Petisah',
      agency: { code: 'MDN-DLH' },
      photos: [{ width: 800 }],
      responses: [{ message: 'Truk dijadwalkan besok.' }],
    });
    expect(new Date(own.data!.myFeedback.nextStepDueAt).getTime()).toBeGreaterThan(Date.now());
    expect((await fetch(stack.url + own.data!.myFeedback.photos[0].url)).status).toBe(200);
    const wrong = await graphql(stack.url, mine, {
      c: item.trackingCode,
      s: 'AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA',
    });
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'citizenSecret',
    });
    expect(wrong.data?.myFeedback ?? null).toBeNull();

    const events: Record<string, unknown>[] = [];
    client = createClient({
      url: `${stack.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: staff.authorization },
      lazy: false,
    });
    client.subscribe(
      { query: 'subscription { feedbackQueueChanged { feedbackId status } }' },
      {
        next: (msg) => events.push(msg.data!.feedbackQueueChanged as Record<string, unknown>),
        error: (error) => events.push({ error: JSON.stringify(error) }),
        complete: () => undefined,
      },
    );
    await waitFor(
      'the subscription to be live',
      async () => {
        const probe = await routedItem(stack, 'MDN-DLH');
        await new Promise((r) => setTimeout(r, 200));
        return events.some((e) => e.feedbackId === probe.id);
      },
      20_000,
      0,
    );
    const add = `mutation($c: String!, $s: String!, $m: String!) {
      addToFeedback(trackingCode: $c, citizenSecret: $s, message: $m) { message at } }`;
    const blank = await graphql(stack.url, add, {
      c: item.trackingCode,
      s: item.citizenSecret,
      m: ' \u200b ',
    });
    expect(blank.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'message',
    });
    const added = await graphql(stack.url, add, {
      c: item.trackingCode,
      s: item.citizenSecret,
      m: 'Sampahnya kini juga menutup selokan.',
    });
    expect(added.data!.addToFeedback.message).toBe('Sampahnya kini juga menutup selokan.');
    await waitFor(
      'the follow-up event',
      async () => events.some((e) => e.feedbackId === item.id),
      10_000,
    );

    const seen = await graphql(
      stack.url,
      'query($id: ID!) { feedback(id: $id) { followUps { message } } }',
      { id: item.id },
      staff,
    );
    expect(seen.data!.feedback.followUps).toEqual([
      { message: 'Sampahnya kini juga menutup selokan.' },
    ]);
    const [audit] = await stack.sql<{ actor_type: string }>(
      "select actor_type from audit_entry where subject_id = ? and action = 'feedback.citizen_follow_up'",
      [item.id],
    );
    expect(audit.actor_type).toBe('CITIZEN');
    const forged = await graphql(stack.url, add, {
      c: item.trackingCode,
      s: 'AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA',
      m: 'Palsu',
    });
    expect(forged.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
