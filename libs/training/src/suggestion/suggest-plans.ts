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

/**
 * The binary program: choose at most one method per gap, maximise the severity
 * answered (severity × the method's coverage) subject to the rupiah budget and,
 * per agency, the participant-JP its civil servants may still take under the
 * yearly ceiling. Two kinds of constraint make it more than a knapsack; HiGHS
 * solves it to a proven optimum (relative gap 0), never a greedy ratio guess.
 * A cost term a million times smaller than any severity breaks ties toward the
 * cheaper plan without ever trading severity for money.
 */
function lpModel(options: Option[], input: SuggestionInput): string {
  const minValue = Math.min(...options.map((o) => o.value));
  const tieBreak = (minValue * 1e-6) / Math.max(input.budgetIdr, 1);
  // JavaScript's shortest round-trip form; the LP reader accepts its exponents.
  const num = (n: number) => String(n);
  const terms = options.map((o, i) => `${num(o.value - tieBreak * o.costIdr)} x${i}`);
  const rows: string[] = [];
  rows.push(
    ` budget: ${options.map((o, i) => `${num(o.costIdr / 1e6)} x${i}`).join(' + ')} <= ${num(input.budgetIdr / 1e6)}`,
  );
  const byGap = new Map<string, number[]>();
  const byAgency = new Map<string, number[]>();
  options.forEach((o, i) => {
    byGap.set(o.gap.id, [...(byGap.get(o.gap.id) ?? []), i]);
    byAgency.set(o.gap.agencyCode, [...(byAgency.get(o.gap.agencyCode) ?? []), i]);
  });
  [...byGap.values()].forEach((idx, g) => {
    if (idx.length > 1) rows.push(` one${g}: ${idx.map((i) => `x${i}`).join(' + ')} <= 1`);
  });
  [...byAgency.entries()].forEach(([agency, idx], a) => {
    const room = jpRoom(input.agencies.get(agency)!, input.jpCeilingPerCivilServant);
    rows.push(
      ` jp${a}: ${idx.map((i) => `${options[i].participantJp} x${i}`).join(' + ')} <= ${num(room)}`,
    );
  });
  return [
    'Maximize',
    ` severity: ${terms.join(' + ')}`,
    'Subject To',
    ...rows,
    'Binaries',
    ` ${options.map((_, i) => `x${i}`).join(' ')}`,
    'End',
  ].join('\n');
}

export async function suggestTrainingItems(input: SuggestionInput): Promise<Suggestion> {
  const candidates = input.gaps.filter((g) => g.severity > 0);
  const totalSeverity = candidates.reduce((s, g) => s + g.severity, 0);
  const { options, tooLarge } = optionsFor(input);
  let chosen: Option[] = [];
  let optimal = true;
  if (options.length > 0) {
    const result = (await highs()).solve(lpModel(options, input), {
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0,
      time_limit: 30,
    });
    if (result.Status !== 'Optimal') {
      // Only a time limit gets here; an empty selection is always feasible.
      optimal = false;
    }
    chosen = options.filter((_, i) => {
      const column = result.Columns[`x${i}`];
      return column !== undefined && 'Primal' in column && column.Primal > 0.5;
    });
  }

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
