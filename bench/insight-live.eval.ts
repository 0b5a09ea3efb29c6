/**
 * npm run eval:insight:live -- --file ../shared/data/feedback-dev.jsonl
 *
 * The planner's check of issue 9 through the running system, not its services:
 * a database of its own, the API and the worker as their own processes, every
 * labeled item submitted over GraphQL as a citizen would (reporters told apart
 * by an e-mail made from their pseudonym), routed and placed by the worker, then
 * read back as a planner reads it: `recurringClusters(minSize: 1)` with members,
 * `feedbackQueue` pages for themes, `competencyGaps`. Scored as eval:insight
 * scores. The parameters shipped were chosen on the dev set, so on that file
 * these figures are not held out: eval:insight gives those. This one shows what
 * the wiring (routing, statistics built as items arrive, batches, concurrency)
 * does to them.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type ThemeCode,
  agencyKey,
  labeledGaps,
  pairCounts,
  parseLabeledItems,
  prf,
  scoreGaps,
  scoreThemes,
} from '@suara/insight';
import { graphql } from '@suara/testing';
import { CliModule } from '../apps/cli/src/cli.module.js';
import { freshBenchDatabase, printTable, startProcess, stopProcess } from './support/bench-env.js';

const TIMEOUT_MS = 10 * 60_000;

interface QueuePage {
  feedbackQueue: {
    edges: { node: { id: string; themes: ThemeCode[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const PAGE = 100;

async function main() {
  const { values } = parseArgs({
    options: { file: { type: 'string', default: '../shared/data/feedback-dev.jsonl' } },
  });
  const items = parseLabeledItems(readFileSync(values.file, 'utf8'));
  const databaseUrl = await freshBenchDatabase('suara_eval_insight_live');
  execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'seed:demo'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const port = String(3900 + Math.floor(Math.random() * 90));
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: port,
    REDIS_PREFIX: `evallive${Date.now()}`,
    PUBLIC_RATE_LIMIT: '100000000',
    // Signs this run's staff tokens; API and worker share it.
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
  process.env.DATABASE_URL = databaseUrl;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  const em = app.get(EntityManager);
  const api = await startProcess('api', env);
  const worker = await startProcess('worker', env);
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const byTrackingCode = new Map<string, number>();
    for (const [i, it] of items.entries()) {
      const res = await graphql<{ submitFeedback: { trackingCode: string } }>(
        url,
        'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }',
        {
          i: {
            cityCode: it.city,
            kind: it.kind,
            text: it.text,
            reporter: { email: `${it.reporter}@uji.example.id` },
          },
        },
      );
      if (!res.data) throw new Error(`Item ${it.id} refused: ${JSON.stringify(res.errors)}`);
      byTrackingCode.set(res.data.submitFeedback.trackingCode, i);
    }
    const started = performance.now();
    const pending = async () =>
      (
        await em.fork().execute<{ n: number }[]>(
          `select count(*)::int as n from feedback f
            where f.status = 'RECEIVED'
               or (f.status = 'ROUTED' and not exists (
                    select 1 from insight_item i join insight_generation g on g.id = i.generation
                     where i.feedback_id = f.id and g.status = 'ACTIVE'))`,
        )
      )[0].n;
    while ((await pending()) > 0 && performance.now() - started < TIMEOUT_MS) await sleep(200);
    const rows = await em
      .fork()
      .execute<{ id: string; tracking_code: string; agency_code: string | null }[]>(
        'select id, tracking_code, agency_code from feedback',
      );
    const indexOf = new Map(rows.map((r) => [r.id, byTrackingCode.get(r.tracking_code)!]));
    const idOf: string[] = [];
    for (const r of rows) idOf[indexOf.get(r.id)!] = r.id;
    const routedTo = rows.map((r) => ({ i: indexOf.get(r.id)!, agency: r.agency_code }));

    const login = await graphql<{ login: { accessToken: string } }>(
      url,
      'mutation { login(email: "planner@demo.suara.id", password: "suara-demo") { accessToken } }',
    );
    const planner = { authorization: `Bearer ${login.data!.login.accessToken}` };
    const read = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const res = await graphql<T>(url, query, variables, planner);
      if (!res.data) throw new Error(`Planner's read refused: ${JSON.stringify(res.errors)}`);
      return res.data;
    };
    const { recurringClusters } = await read<{
      recurringClusters: { id: string; members: { id: string }[] }[];
    }>('{ recurringClusters(filter: { minSize: 1 }) { id members(first: 100) { id } } }');
    const themes = new Map<string, ThemeCode[]>();
    for (let after: string | null = null; ;) {
      const { feedbackQueue }: QueuePage = await read<QueuePage>(
        `query($after: String) { feedbackQueue(first: ${PAGE}, after: $after) {
           edges { node { id themes } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      for (const e of feedbackQueue.edges) themes.set(e.node.id, e.node.themes);
      if (!feedbackQueue.pageInfo.hasNextPage) break;
      after = feedbackQueue.pageInfo.endCursor;
    }
    const { competencyGaps } = await read<{
      competencyGaps: { agency: { code: string }; competency: { code: string } }[];
    }>('{ competencyGaps(filter: {}) { agency { code } competency { code } status } }');

    // Scored as eval:insight scores: an item in no cluster is a singleton.
    const clusterOf = items.map((it) => `alone:${it.id}`);
    for (const c of recurringClusters)
      for (const m of c.members) clusterOf[indexOf.get(m.id)!] = c.id;
    const clusters = pairCounts(
      items.map((it) => it.cluster),
      clusterOf,
    );
    const pairs = prf(clusters.truePositives, clusters.predicted, clusters.actual);
    const themeScores = scoreThemes(
      items.map((it) => it.themes),
      items.map((_, i) => themes.get(idOf[i]) ?? []),
    );
    const gold = labeledGaps(items);
    const predicted = new Set(competencyGaps.map((g) => `${g.agency.code} ${g.competency.code}`));
    const gaps = scoreGaps(gold, predicted);
    const routed = routedTo.filter((r) => r.agency);
    const right = routed.filter((r) => r.agency === agencyKey(items[r.i]));
    const f3 = (x: number) => x.toFixed(3);
    printTable(
      `${items.length} items through the API and the worker, read back as a planner (all placed ${((performance.now() - started) / 1000).toFixed(1)} s after the last submission)`,
      [
        {
          what: 'routing: auto-routed right / to triage',
          result: `${((100 * right.length) / routed.length).toFixed(1)} % / ${((100 * (items.length - routed.length)) / items.length).toFixed(1)} %`,
        },
        {
          what: `clusters (${recurringClusters.length}): pairwise P / R / F1`,
          result: `${f3(pairs.precision)} / ${f3(pairs.recall)} / ${f3(pairs.f1)}`,
        },
        {
          what: 'themes: micro P / R / F1',
          result: `${f3(themeScores.micro.precision)} / ${f3(themeScores.micro.recall)} / ${f3(themeScores.micro.f1)}`,
        },
        {
          what: `gaps (gold ${gold.size}, predicted ${predicted.size}): P / R`,
          result: `${f3(gaps.precision)} / ${f3(gaps.recall)}`,
        },
      ],
    );
    const missed = [...gold].filter((g) => !predicted.has(g));
    const spurious = [...predicted].filter((g) => !gold.has(g));
    console.log(
      `Gaps missed: ${missed.join('; ') || 'none'}; spurious: ${spurious.join('; ') || 'none'}`,
    );
  } finally {
    await stopProcess(worker);
    await stopProcess(api);
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
