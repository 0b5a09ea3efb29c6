/**
 * Greetings, honorifics, the officials a letter is addressed to and closing
 * formulas. Real letters are full of them ("Assalamualaikum wr wb, Yth. Bapak
 * Walikota, mohon ditindaklanjuti"), and they say nothing about which service
 * the letter is about: a letter to the mayor is about a road or a permit like
 * any other. Compared after normalisation, before and after stemming.
 */
export const SALUTATIONS: ReadonlySet<string> = new Set(
  `assalamualaikum assalamu alaikum asalamualaikum assalammualaikum asslamualaikum askum ass wr wb warahmatullahi
  wabarakatuh wassalamualaikum wassalam salam hormat terhormat yth ykh kpd kepada selamat pagi siang sore
  min mimin admin gan agan sis kak
  walikota wali wakil bupati gubernur wagub wawali pemkot pemkab pemprov
  tindaklanjut tindaklanjuti ditindaklanjuti lapor laporan melaporkan`
    .split(/\s+/)
    .filter(Boolean),
);
