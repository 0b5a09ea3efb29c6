import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseForumCsv, parseForumJsonLines, readForumFile } from './forum-file.reader.js';

describe('forum file reader', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    const csv =
      'ref,speaker,text,agency,kind\n' +
      'S-1,"Pak Budi, RT 03","Jalan rusak, ""parah"" sekali\nsudah 3 bulan",TPI-PUPR,complaint\n' +
      'S-2,,Terima kasih puskesmas,,COMPLIMENT\n';
    expect(parseForumCsv(csv)).toEqual([
      {
        externalRef: 'S-1',
        speaker: 'Pak Budi, RT 03',
        text: 'Jalan rusak, "parah" sekali\nsudah 3 bulan',
        agencyCode: 'TPI-PUPR',
        kind: 'COMPLAINT',
      },
      {
        externalRef: 'S-2',
        speaker: undefined,
        text: 'Terima kasih puskesmas',
        agencyCode: undefined,
        kind: 'COMPLIMENT',
      },
    ]);
  });

  it('accepts the three required columns alone', () => {
    expect(parseForumCsv('ref,speaker,text\nA,Ibu Rina,Sampah menumpuk\n')).toEqual([
      {
        externalRef: 'A',
        speaker: 'Ibu Rina',
        text: 'Sampah menumpuk',
        agencyCode: undefined,
        kind: undefined,
      },
    ]);
  });

  it('refuses a CSV without ref and text columns', () => {
    expect(() => parseForumCsv('nomor,isi\n1,halo\n')).toThrow(
      expect.objectContaining({ reason: 'intake.csvWithoutColumns' }),
    );
  });

  it('refuses an unterminated quote with a readable message', () => {
    expect(() => parseForumCsv('ref,speaker,text\n1,a,"tidak ditutup\n')).toThrow(
      /CSV tidak dapat dibaca/,
    );
  });

  it('reads JSON Lines with either field naming and names a broken line', () => {
    expect(
      parseForumJsonLines(
        '{"ref":"1","text":"a"}\n\n{"externalRef":"2","text":"b","agencyCode":"MDN-DLH"}\n',
      ),
    ).toEqual([
      { externalRef: '1', text: 'a', speaker: undefined, agencyCode: undefined, kind: undefined },
      { externalRef: '2', text: 'b', speaker: undefined, agencyCode: 'MDN-DLH', kind: undefined },
    ]);
    expect(() => parseForumJsonLines('{"ref":"1","text":"a"}\n{oops\n')).toThrow(/Baris 2/);
  });

  it('tells CSV from JSON Lines by extension and content, skipping a BOM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'forum-'));
    await writeFile(join(dir, 'a.csv'), '\uFEFFref,speaker,text\n1,,halo\n');
    await writeFile(join(dir, 'b.txt'), '{"ref":"9","text":"hai"}\n');
    expect((await readForumFile(join(dir, 'a.csv')))[0].externalRef).toBe('1');
    expect((await readForumFile(join(dir, 'b.txt')))[0].externalRef).toBe('9');
  });
});
