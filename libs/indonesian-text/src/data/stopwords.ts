/**
 * Function words that say nothing about which service a text is about. Kept short
 * on purpose: general lists drop words such as `bulan`, `jalan` or `tidak` that
 * matter for routing or for spotting a complaint's theme.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `ada adalah agar akan akhirnya aku amat anda antara apa apakah atas atau bagai bagaimana bagi bahkan bahwa
  banget begini begitu belum berapa bersama beserta bila bisa boleh cukup dalam dan dapat dari daripada demi
  dengan di dia dimana dua ini itu jadi jika juga kalau kami kamu karena ke kemudian kenapa kepada ketika kita
  lagi lah lain lalu maka mana masih memang mereka meski mohon mungkin namun nya oleh pada padahal para pun
  saat saja sama sampai sang saya se sebagai sebelum sedang sedangkan sehingga sejak sekali selalu seperti
  sering setelah setiap sudah supaya tapi telah tentang terhadap terus tersebut tetapi tiap toh untuk walau
  yaitu yakni yang apa-apa begitu pula pun kok sih dong deh nih tuh ya yah lho kan loh wah hal tolong bapak ibu
  saudara terima kasih atas nama kak kakak mas mbak bang abang pak bu adik dik`
    .split(/\s+/)
    .filter(Boolean),
);
