import { THEME_CODES, type ThemeCode } from '../themes/theme-codes.js';
import { prf, type PRF } from './metrics.js';

export interface ThemeScores {
  micro: PRF;
  perTheme: Array<{ code: ThemeCode; support: number } & PRF>;
}

/** Micro-averaged and per-theme precision/recall of predicted theme sets against gold ones. */
export function scoreThemes(
  gold: readonly (readonly ThemeCode[])[],
  predicted: readonly (readonly ThemeCode[])[],
): ThemeScores {
  let tp = 0;
  let p = 0;
  let a = 0;
  const perTheme = THEME_CODES.map((code) => {
    let ttp = 0;
    let tp_ = 0;
    let ta = 0;
    gold.forEach((g, i) => {
      const inGold = g.includes(code);
      const inPred = predicted[i].includes(code);
      if (inGold) ta++;
      if (inPred) tp_++;
      if (inGold && inPred) ttp++;
    });
    tp += ttp;
    p += tp_;
    a += ta;
    return { code, support: ta, ...prf(ttp, tp_, ta) };
  });
  return { micro: prf(tp, p, a), perTheme };
}
