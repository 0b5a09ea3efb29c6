import highsModule from 'highs';
import type { MethodUnitCost } from '../config/training.config.js';
import { decimal, rupiah } from '../format-id.js';
import {
  METHOD_LABEL,
  ROUTE_LABEL,
  type TrainingMethod,
  type TrainingRoute,
} from '../training.enums.js';

export interface CandidateGap {
  id: string;
  agencyCode: string;
  competencyCode: string;
  severity: number;
}

export interface AgencyLoad {
  civilServants: number;
  /** Participant-JP already planned this year (plans not cancelled). */
  plannedParticipantJp: number;
}

export interface SuggestionInput {
  gaps: readonly CandidateGap[];
  agencies: ReadonlyMap<string, AgencyLoad>;
  unitCosts: readonly MethodUnitCost[];
  budgetIdr: number;
  jpCeilingPerCivilServant: number;
}

export interface SuggestedItem {
  competencyCode: string;
  agencyCodes: string[];
  method: TrainingMethod;
  route: TrainingRoute;
  participants: number;
  hoursJp: number;
  budgetIdr: number;
  gapIds: string[];
  coveredSeverity: number;
  explanation: string;
}

export interface LeftOutGap {
  gapId: string;
  reason: string;
}

export interface Suggestion {
  items: SuggestedItem[];
  leftOut: LeftOutGap[];
  totalBudgetIdr: number;
  coveredSeverity: number;
  totalSeverity: number;
  /** True when HiGHS proved no other choice covers more severity within both limits. */
  optimal: boolean;
  explanation: string;
}

/** One way to answer one gap: a method applied to the gap's agency. */
interface Option {
  gap: CandidateGap;
  unit: MethodUnitCost;
  participants: number;
  costIdr: number;
  participantJp: number;
  value: number;
}

// The package ships CommonJS types for an ES module: TypeScript sees the loader as
// `.default`, Node hands it over as the default export itself.
type Loader = typeof highsModule.default;
const loadHighs: Loader =
  (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);

let solver: ReturnType<Loader> | undefined;
/** The WebAssembly module is compiled once per process. */
const highs = () => (solver ??= loadHighs());

const costOf = (unit: MethodUnitCost, participants: number) =>
  unit.fixedIdr + unit.costPerParticipantJpIdr * participants * unit.hoursJp;

/** What an agency may still take this year, in participant-JP, under the ceiling. */
function jpRoom(load: AgencyLoad, ceiling: number): number {
  return ceiling * load.civilServants - load.plannedParticipantJp;
}

function optionsFor(input: SuggestionInput): { options: Option[]; tooLarge: Set<string> } {
  const options: Option[] = [];
  const tooLarge = new Set<string>();
  for (const gap of input.gaps) {
    const load = input.agencies.get(gap.agencyCode);
    if (!load || load.civilServants <= 0 || gap.severity <= 0) continue;
    let any = false;
    for (const unit of input.unitCosts) {
      const participants = Math.min(load.civilServants, unit.maxParticipants);
      const participantJp = participants * unit.hoursJp;
      if (participantJp > jpRoom(load, input.jpCeilingPerCivilServant)) continue;
      any = true;
      const costIdr = costOf(unit, participants);
      if (costIdr > input.budgetIdr) continue;
      options.push({
        gap,
        unit,
        participants,
        costIdr,
        participantJp,
        value: gap.severity * unit.coverage,
      });
    }
    if (!any) tooLarge.add(gap.id);
  }
  return { options, tooLarge };
}

/** `b` is at least as good as `a` on every count; on a full tie the earlier one stays. */
const dominates = (b: Option, a: Option, bFirst: boolean) =>
  b.costIdr <= a.costIdr &&
  b.participantJp <= a.participantJp &&
  b.value >= a.value &&
  (bFirst || b.costIdr < a.costIdr || b.participantJp < a.participantJp || b.value > a.value);

/**
 * Drops every option another option of the same gap dominates (costs no more,
 * takes no more JP, answers no less severity). Swapping a dominated choice for
 * its dominator keeps any selection within both limits and never lowers the
 * objective, so some optimum survives; the solver just has fewer columns.
 */
function undominated(options: readonly Option[]): Option[] {
  const byGap = new Map<string, Option[]>();
  for (const o of options) byGap.set(o.gap.id, [...(byGap.get(o.gap.id) ?? []), o]);
  return [...byGap.values()].flatMap((own) =>
    own.filter((a, i) => !own.some((b, j) => j !== i && dominates(b, a, j < i))),
  );
}

/** A sparse row of the program. */
interface Row {
  lower: number;
  upper: number;
  columns: number[];
  coefficients: number[];
}

/**
 * The gaps of one agency, most severe first, each with its option columns. Every
 * gap of an agency has the same options (they depend on the agency's size and
 * the methods only), so their columns line up method by method.
 */
function agencyLadders(options: readonly Option[]): number[][][] {
  const byAgency = new Map<string, Map<string, number[]>>();
  options.forEach((o, i) => {
    let gaps = byAgency.get(o.gap.agencyCode);
    if (!gaps) byAgency.set(o.gap.agencyCode, (gaps = new Map()));
    const own = gaps.get(o.gap.id);
    if (own) own.push(i);
    else gaps.set(o.gap.id, [i]);
  });
  return [...byAgency.values()].map((gaps) =>
    [...gaps.values()].sort((a, b) => options[b[0]].gap.severity - options[a[0]].gap.severity),
  );
}

/**
 * The binary program: choose at most one method per gap, maximise the severity
 * answered (severity × the method's coverage) subject to the rupiah budget and,
 * per agency, the participant-JP its civil servants may still take under the
 * yearly ceiling. Two kinds of constraint make it more than a knapsack; HiGHS
 * solves it to a proven optimum (relative and absolute gap 0), never a greedy
 * ratio guess. A cost term a million times smaller than any severity breaks ties
 * toward the cheaper plan without ever trading severity for money.
 *
 * Symmetry: within one agency the gaps differ only in severity, so any selection
 * can be rearranged (the same methods, hence the same rupiah and JP) to give the
 * higher coverage to the more severe gap without losing severity. Rows asking
 * exactly that (coverage of gap k ≥ coverage of gap k+1, severity order) keep
 * such an optimum and spare the branch-and-bound every mirror image of it.
 */
function program(options: readonly Option[], input: SuggestionInput) {
  const minValue = Math.min(...options.map((o) => o.value));
  const tieBreak = (minValue * 1e-6) / Math.max(input.budgetIdr, 1);
  const rows: Row[] = [
    {
      lower: -Infinity,
      upper: input.budgetIdr / 1e6,
      columns: options.map((_, i) => i),
      coefficients: options.map((o) => o.costIdr / 1e6),
    },
  ];
  for (const ladder of agencyLadders(options)) {
    const agency = options[ladder[0][0]].gap.agencyCode;
    const all = ladder.flat();
    rows.push({
      lower: -Infinity,
      upper: jpRoom(input.agencies.get(agency)!, input.jpCeilingPerCivilServant),
      columns: all,
      coefficients: all.map((i) => options[i].participantJp),
    });
    for (const own of ladder)
      if (own.length > 1)
        rows.push({ lower: -Infinity, upper: 1, columns: own, coefficients: own.map(() => 1) });
    for (let k = 0; k + 1 < ladder.length; k++) {
      const [more, less] = [ladder[k], ladder[k + 1]];
      rows.push({
        lower: 0,
        upper: Infinity,
        columns: [...more, ...less],
        coefficients: [
          ...more.map((i) => options[i].unit.coverage),
          ...less.map((i) => -options[i].unit.coverage),
        ],
      });
    }
  }
  return { cost: options.map((o) => o.value - tieBreak * o.costIdr), rows };
}

/**
 * A first incumbent: the best severity per rupiah first, within both limits, then
 * each agency's chosen methods handed out by coverage to its gaps by severity so
 * that it satisfies the symmetry rows. It only lets HiGHS prune earlier; the
 * proof of optimality does not rest on it.
 */
function greedyStart(options: readonly Option[], input: SuggestionInput): Float64Array {
  const x = new Float64Array(options.length);
  const room = new Map<string, number>();
  for (const [code, load] of input.agencies)
    room.set(code, jpRoom(load, input.jpCeilingPerCivilServant));
  const done = new Set<string>();
  let left = input.budgetIdr;
  const byRatio = options.map((_, i) => i);
  byRatio.sort(
    (a, b) => options[b].value / options[b].costIdr - options[a].value / options[a].costIdr,
  );
  for (const i of byRatio) {
    const o = options[i];
    const jpLeft = room.get(o.gap.agencyCode)!;
    if (done.has(o.gap.id) || o.costIdr > left || o.participantJp > jpLeft) continue;
    done.add(o.gap.id);
    left -= o.costIdr;
    room.set(o.gap.agencyCode, jpLeft - o.participantJp);
    x[i] = 1;
  }
  for (const ladder of agencyLadders(options)) {
    const units = ladder
      .flat()
      .filter((i) => x[i] === 1)
      .map((i) => options[i].unit)
      .sort((a, b) => b.coverage - a.coverage);
    for (const i of ladder.flat()) x[i] = 0;
    units.forEach((unit, k) => {
      x[ladder[k].find((i) => options[i].unit === unit)!] = 1;
    });
  }
  return x;
}

async function solve(
  options: readonly Option[],
  input: SuggestionInput,
): Promise<{ chosen: Option[]; optimal: boolean }> {
  const h = await highs();
  const { cost, rows } = program(options, input);
  const bound = (v: number) => (Number.isFinite(v) ? v : Math.sign(v) * h.infinity);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    indices.push(...row.columns);
    values.push(...row.coefficients);
    starts.push(indices.length);
  }
  const n = options.length;
  const model = h.createModel({
    numCols: n,
    numRows: rows.length,
    sense: h.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: rows.map((r) => bound(r.lower)),
    rowUpper: rows.map((r) => bound(r.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices, values },
    integrality: new Int32Array(n).fill(h.constants.variableType.integer),
  });
  try {
    model.options.set({
      output_flag: false,
      presolve: 'on',
      mip_rel_gap: 0,
      mip_abs_gap: 0,
      time_limit: 30,
    });
    model.setSolution({ colValue: greedyStart(options, input) });
    const { modelStatus } = model.run();
    // Only a time limit stops short of optimal: an empty selection is always feasible.
    const optimal = modelStatus === h.constants.modelStatus.optimal;
    const { colValue } = model.getSolution();
    return { chosen: options.filter((_, i) => colValue[i] > 0.5), optimal };
  } finally {
    model.dispose();
  }
}

export async function suggestTrainingItems(input: SuggestionInput): Promise<Suggestion> {
  const candidates = input.gaps.filter((g) => g.severity > 0);
  const totalSeverity = candidates.reduce((s, g) => s + g.severity, 0);
  const { options, tooLarge } = optionsFor(input);
  const { chosen, optimal } =
    options.length > 0
      ? await solve(undominated(options), input)
      : { chosen: [] as Option[], optimal: true };

  const items = chosen.map((o) => itemOf(o));
  const spent = chosen.reduce((s, o) => s + o.costIdr, 0);
  const covered = chosen.reduce((s, o) => s + o.value, 0);
  const chosenGaps = new Set(chosen.map((o) => o.gap.id));
  const leftOut = candidates
    .filter((g) => !chosenGaps.has(g.id))
    .map((g) => ({ gapId: g.id, reason: leftOutReason(g, options, tooLarge, input, spent) }));

  return {
    items,
    leftOut,
    totalBudgetIdr: spent,
    coveredSeverity: covered,
    totalSeverity,
    optimal,
    explanation: summary(
      input,
      candidates.length,
      items.length,
      spent,
      covered,
      totalSeverity,
      optimal,
    ),
  };
}

function itemOf(o: Option): SuggestedItem {
  const perMillion = o.value / (o.costIdr / 1e6);
  return {
    competencyCode: o.gap.competencyCode,
    agencyCodes: [o.gap.agencyCode],
    method: o.unit.method,
    route: o.unit.route,
    participants: o.participants,
    hoursJp: o.unit.hoursJp,
    budgetIdr: o.costIdr,
    gapIds: [o.gap.id],
    coveredSeverity: o.value,
    explanation:
      `Menjawab kesenjangan ${o.gap.competencyCode} di ${o.gap.agencyCode} (keparahan ${decimal(o.gap.severity)}): ` +
      `${METHOD_LABEL[o.unit.method]} ${ROUTE_LABEL[o.unit.route]} ${o.unit.hoursJp} JP untuk ${o.participants} pegawai, ` +
      `${rupiah(o.costIdr)}. Menangani ${decimal(o.value)} keparahan ` +
      `(${decimal(o.unit.coverage * 100)} % dari kesenjangan), ${decimal(perMillion)} per juta rupiah.`,
  };
}

function leftOutReason(
  gap: CandidateGap,
  options: Option[],
  tooLarge: Set<string>,
  input: SuggestionInput,
  spent: number,
): string {
  const label = `Kesenjangan ${gap.competencyCode} di ${gap.agencyCode} (keparahan ${decimal(gap.severity)})`;
  const load = input.agencies.get(gap.agencyCode);
  if (!load || load.civilServants <= 0)
    return `${label} tidak diusulkan: jumlah ASN instansi ini belum tercatat.`;
  if (tooLarge.has(gap.id))
    return `${label} tidak diusulkan: setiap metode melewati batas ${input.jpCeilingPerCivilServant} JP per pegawai setahun untuk instansi ini.`;
  const own = options.filter((o) => o.gap.id === gap.id);
  if (own.length === 0)
    return `${label} tidak diusulkan: biaya metode termurahnya melebihi seluruh anggaran ${rupiah(input.budgetIdr)}.`;
  const best = own.reduce((a, b) => (b.value / b.costIdr > a.value / a.costIdr ? b : a));
  const cheapest = own.reduce((a, b) => (b.costIdr < a.costIdr ? b : a));
  const remaining = input.budgetIdr - spent;
  const why =
    cheapest.costIdr > remaining
      ? `sisa anggaran ${rupiah(remaining)} tidak cukup untuk pilihan termurahnya (${METHOD_LABEL[cheapest.unit.method]}, ${rupiah(cheapest.costIdr)})`
      : `batas JP instansi atau anggaran memberi keparahan tertangani lebih banyak bila dipakai untuk usulan lain`;
  return (
    `${label} tidak diusulkan: ${why}; pilihan terbaiknya (${METHOD_LABEL[best.unit.method]}) ` +
    `menangani ${decimal((best.value / best.costIdr) * 1e6)} keparahan per juta rupiah.`
  );
}

function summary(
  input: SuggestionInput,
  candidates: number,
  chosen: number,
  spent: number,
  covered: number,
  total: number,
  optimal: boolean,
): string {
  const share = total > 0 ? (covered / total) * 100 : 0;
  return (
    `Dari ${candidates} kesenjangan yang diterima, ${chosen} diusulkan dengan biaya ${rupiah(spent)} ` +
    `dari anggaran ${rupiah(input.budgetIdr)}, menangani ${decimal(covered)} dari ${decimal(total)} keparahan ` +
    `(${decimal(share)} %), tanpa melewati ${input.jpCeilingPerCivilServant} JP per pegawai setahun di instansi mana pun. ` +
    (optimal
      ? 'Pilihan ini terbukti optimal (program bilangan bulat, HiGHS): tidak ada kombinasi lain dalam anggaran dan batas JP yang menangani keparahan lebih banyak.'
      : 'Pencarian dihentikan oleh batas waktu; pilihan ini sah tetapi belum terbukti optimal.')
  );
}
