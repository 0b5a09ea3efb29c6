import { graphql } from '@suara/testing';
import { clusteredComplaint } from './support/clustered-items.js';
import { SuaraTestStack } from './support/suara-test-stack.js';

const RUDE = [
  'Petugas loket Puskesmas Helvetia membentak pasien lansia, kasar sekali. Hubungi saya 0812-3456-7890, NIK 1271012345670001.',
  'Petugas pendaftaran Puskesmas Helvetia ketus dan membentak pasien lansia di loket. Saya Rahmawati.',
  'Di loket Puskesmas Helvetia petugasnya kasar, membentak ibu saya yang sudah lansia. Email rina@contoh.id',
];

/** A planner goes from gaps to clusters and masked complaints, never to reporters. */
describe('insight for planners through GraphQL', () => {
  let stack: SuaraTestStack;
  beforeAll(async () => {
    stack = await SuaraTestStack.start();
  });
  afterAll(() => stack.stop());

  it('shows gaps, clusters, themes and masked members, and no identity', async () => {
    for (const [i, text] of RUDE.entries())
      await clusteredComplaint(stack, 'MDN-DINKES', text, {
        name: i === 1 ? 'Rahmawati' : `Warga ${i}`,
        email: `w${i}@contoh.id`,
      });
    const planner = await stack.login('planner@demo.suara.id');
    const res = await graphql(
      stack.url,
      `
        {
          competencyGaps(filter: {}) {
            id
            agency {
              code
            }
            competency {
              code
              name
            }
            status
            severity
            severityExplained
            trend
            samples
            evidence {
              id
              label
              size
              members(first: 100) {
                id
                text
                themes
              }
            }
          }
          recurringClusters(filter: { minSize: 1 }) {
            id
            label
            size
            distinctReporters
            recurring
            themes
          }
          feedbackQueue(first: 50) {
            edges {
              node {
                id
                text
                themes
                cluster {
                  id
                  label
                }
              }
            }
          }
        }
      `,
      {},
      planner,
    );
    expect(res.errors).toBeUndefined();
    const gaps = res.data!.competencyGaps as { competency: { code: string }; samples: string[] }[];
    expect(gaps.map((g) => g.competency.code).sort()).toEqual(['M.03', 'M.05']);
    const body = JSON.stringify(res.data);
    for (const secret of [
      '0812-3456-7890',
      '1271012345670001',
      'rina@contoh.id',
      'Rahmawati',
      'w0@contoh.id',
    ])
      expect(body).not.toContain(secret);
    expect(body).toContain('[telepon]');
    expect(body).toContain('RUDE');
  });
});
