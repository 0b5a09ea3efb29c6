import { isDataError } from './data-error.js';
import { PlacementQueue } from './placement-queue.js';

/** An error as MikroORM's PostgreSQL driver reports it. */
const pgError = (sqlState: string) =>
  Object.assign(new Error(`SQLSTATE ${sqlState}`), { code: sqlState, sqlState });

describe('PlacementQueue', () => {
  let logged: string[];
  beforeEach(() => (logged = []));

  /** A queue whose batches of more than one item fail with `error`; single items succeed but 'bad'. */
  const queueFailingWith = (error: Error) => {
    const calls: string[][] = [];
    const queue = new PlacementQueue<string, string>(
      (keys) => {
        calls.push([...keys]);
        if (keys.length > 1 || keys[0] === 'bad') return Promise.reject(error);
        return Promise.resolve(keys.map((k) => `done ${k}`));
      },
      10,
      isDataError,
      { error: (message: string) => logged.push(message) },
    );
    return { queue, calls };
  };

  it('replays a batch that failed on its data item by item, so only the bad item fails', async () => {
    const error = pgError('22P02');
    const { queue, calls } = queueFailingWith(error);
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((k) => queue.add(k)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'done a' },
      { status: 'rejected', reason: error },
      { status: 'fulfilled', value: 'done c' },
    ]);
    expect(calls).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect(logged).toHaveLength(1);
  });

  it('rejects every item of a batch that failed for another reason, without replaying it', async () => {
    const error = pgError('08006'); // connection failure
    const { queue, calls } = queueFailingWith(error);
    const results = await Promise.allSettled(['a', 'b', 'c'].map((k) => queue.add(k)));
    expect(results.map((r) => r.status === 'rejected' && r.reason)).toEqual([error, error, error]);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(logged).toHaveLength(1);
  });

  it('tells data errors from the others', () => {
    expect(isDataError(pgError('23505'))).toBe(true);
    expect(isDataError(pgError('22001'))).toBe(true);
    expect(isDataError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      true,
    );
    expect(isDataError(pgError('40P01'))).toBe(false);
    expect(isDataError(pgError('57014'))).toBe(false);
    expect(
      isDataError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(false);
    expect(isDataError(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(isDataError(new Error('timeout exceeded when trying to connect'))).toBe(false);
  });
});
