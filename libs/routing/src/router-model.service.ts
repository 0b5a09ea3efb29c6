import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RoutingExample, RoutingPhrase } from './entities/routing-example.entity.js';
import { RoutingModel } from './entities/routing-model.entity.js';
import type { RoutingTables } from './routing.tables.js';
import { LEXICON_WEIGHT, defaultLexicon } from './model/lexicon.js';
import { SoftmaxRegression } from './model/softmax-regression.js';
import { type LabeledExample, accuracyOn, isHeldOut, trainRouter } from './router/training.js';

export interface RetrainResult {
  version: number;
  heldOutAccuracy: number;
  previousAccuracy?: number;
  activated: boolean;
}

/** How long a process trusts its cached model before asking which one is active. */
const MODEL_CHECK_MS = 30_000;

/** A stable uuid-shaped id from text, so seeding twice writes nothing new. */
function stableId(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The router's models: which one is active, training new ones from the phrases
 * and labeled examples in the database, and switching only to one that does not
 * score worse on the held-back examples.
 */
@Injectable()
export class RouterModelService {
  private readonly logger = new Logger(RouterModelService.name);
  private cached?: { version: number; model: SoftmaxRegression; checkedAt: number };

  constructor(private readonly em: EntityManager) {}

  async activeModel(): Promise<{ version: number; model: SoftmaxRegression }> {
    const now = Date.now();
    if (this.cached && now - this.cached.checkedAt < MODEL_CHECK_MS) return this.cached;
    const em = this.em.fork();
    const row = await em
      .getKysely<RoutingTables>()
      .selectFrom('routing_model')
      .select('version')
      .where((eb) => eb.ref('active'))
      .limit(1)
      .executeTakeFirst();
    if (!row)
      throw new Error('No active routing model: run `npm run db:setup` (it trains the first one)');
    if (this.cached?.version !== row.version) {
      const model = await em.findOneOrFail(
        RoutingModel,
        { version: row.version },
        { populate: ['state'] },
      );
      this.cached = {
        version: row.version,
        model: SoftmaxRegression.fromState(model.state),
        checkedAt: now,
      };
    } else {
      this.cached.checkedAt = now;
    }
    return this.cached;
  }

  async retrain(note?: string): Promise<RetrainResult> {
    const em = this.em.fork();
    const [phrases, examples] = await Promise.all([
      em.find(RoutingPhrase, {}),
      em.find(RoutingExample, {}, { orderBy: { id: 'asc' } }),
    ]);
    const labeled: LabeledExample[] = examples.map((e) => ({
      id: e.id,
      text: e.text,
      label: e.agencyType,
    }));
    const trained = trainRouter(
      phrases.map((p) => ({ text: p.phrase, label: p.agencyType, weight: LEXICON_WEIGHT })),
      labeled,
    );
    const current = await em.findOne(RoutingModel, { active: true }, { populate: ['state'] });
    const previousAccuracy = current
      ? accuracyOn(
          SoftmaxRegression.fromState(current.state),
          labeled.filter((e) => isHeldOut(e.id)),
        )
      : undefined;
    const activated = previousAccuracy === undefined || trained.heldOutAccuracy >= previousAccuracy;

    const model = new RoutingModel(
      trained.model.toState(),
      trained.heldOutAccuracy,
      trained.heldOutSize,
      trained.trainingSize,
    );
    model.note = note;
    await em.transactional(async (tx) => {
      if (activated) await tx.nativeUpdate(RoutingModel, { active: true }, { active: false });
      model.active = activated;
      tx.persist(model);
    });
    this.logger.log(
      `Router model v${model.version}: held-out accuracy ${trained.heldOutAccuracy.toFixed(3)} on ${trained.heldOutSize}` +
        (previousAccuracy !== undefined ? ` (active model ${previousAccuracy.toFixed(3)})` : '') +
        (activated ? ', activated' : ', kept the active model'),
    );
    if (activated) this.cached = undefined;
    return {
      version: model.version,
      heldOutAccuracy: trained.heldOutAccuracy,
      previousAccuracy,
      activated,
    };
  }

  /**
   * Loads the shipped lexicon and seed examples (idempotent) and trains the first
   * model when there is none, so a fresh install routes from its first item.
   */
  async seed(): Promise<{ phrases: number; examples: number; trained?: RetrainResult }> {
    const em = this.em.fork();
    const lexicon = defaultLexicon();
    const phrases = Object.entries(lexicon).flatMap(([agencyType, list]) =>
      list.map((phrase) => ({
        id: stableId(`phrase:${agencyType}:${phrase}`),
        agencyType,
        phrase,
      })),
    );
    const seeds = readFileSync(new URL('./lexicon/seed-examples.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { text: string; agency: string });
    await em.transactional(async (tx) => {
      await tx.upsertMany(RoutingPhrase, phrases, {
        onConflictFields: ['agencyType', 'phrase'],
        onConflictAction: 'ignore',
      });
      await tx.upsertMany(
        RoutingExample,
        seeds.map((s) => ({
          id: stableId(s.text),
          text: s.text,
          agencyType: s.agency,
          source: 'SEED' as const,
        })),
        { onConflictFields: ['id'], onConflictAction: 'ignore' },
      );
    });
    const hasModel = await em.count(RoutingModel, { active: true });
    return {
      phrases: phrases.length,
      examples: seeds.length,
      trained: hasModel ? undefined : await this.retrain('initial model'),
    };
  }

  /** A person's reroute is the best label an item can get; the latest one wins. */
  async recordLabel(
    em: EntityManager,
    feedbackId: string,
    text: string,
    agencyType: string,
  ): Promise<void> {
    await em.upsert(
      RoutingExample,
      { id: stableId(`reroute:${feedbackId}`), feedbackId, text, agencyType, source: 'REROUTE' },
      { onConflictFields: ['feedbackId'], onConflictMergeFields: ['agencyType', 'text'] },
    );
  }
}
