import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tx, wrapConnection, writesFree, yieldingTx } from './connection';

function memoryDb() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE t (n INTEGER)');
  return wrapConnection(sqlite);
}

/** Busy work long enough that a 40 ms slice ends inside the loop. */
function spin(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const count = (db: ReturnType<typeof memoryDb>) =>
  (db.sqlite.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;

describe('a yielding transaction', () => {
  it('hands the event loop over between slices, and a write that did not wait is refused loudly', async () => {
    const db = memoryDb();
    let ranMeanwhile = 0;
    let refused: unknown;
    const writing = yieldingTx(db, async (pause) => {
      for (let i = 0; i < 6; i++) {
        db.sqlite.prepare('INSERT INTO t VALUES (?)').run(i);
        spin(15);
        await pause();
      }
    });
    // Runs only if the transaction yields: a read sees its rows, an unannounced write is refused.
    await new Promise((r) => setImmediate(r));
    while (count(db) < 6 && ranMeanwhile < 1000) {
      ranMeanwhile++;
      try {
        tx(db, () => db.sqlite.prepare('INSERT INTO t VALUES (-1)').run());
      } catch (e) {
        refused = e;
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
    await writing;
    expect(ranMeanwhile).toBeGreaterThan(0);
    expect(String(refused)).toContain('must await writesFree');
    expect(count(db)).toBe(6);
  });

  it('makes other writes wait for its commit, then lets them in', async () => {
    const db = memoryDb();
    const order: string[] = [];
    const writing = yieldingTx(db, async (pause) => {
      for (let i = 0; i < 4; i++) {
        db.sqlite.prepare('INSERT INTO t VALUES (?)').run(i);
        spin(25);
        await pause();
      }
      order.push('import committed');
    });
    const other = (async () => {
      await writesFree(db);
      tx(db, () => db.sqlite.prepare('INSERT INTO t VALUES (99)').run());
      order.push('edit saved');
    })();
    await Promise.all([writing, other]);
    expect(order).toEqual(['import committed', 'edit saved']);
    expect(count(db)).toBe(5);
  });

  it('rolls everything back when cancelled at a pause', async () => {
    const db = memoryDb();
    const abort = new AbortController();
    const writing = yieldingTx(
      db,
      async (pause) => {
        for (let i = 0; i < 100; i++) {
          db.sqlite.prepare('INSERT INTO t VALUES (?)').run(i);
          if (i === 3) abort.abort();
          spin(15);
          await pause();
        }
      },
      abort.signal,
    );
    await expect(writing).rejects.toMatchObject({ code: 'cancelled' });
    expect(db.sqlite.inTransaction).toBe(false);
    expect(count(db)).toBe(0);
  });
});
