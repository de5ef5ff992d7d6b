import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase.js';
import { PERSON_TABLES } from './personTables.js';
import { preparePersonRows } from './preparePersonRows.js';

describe('preparePersonRows', () => {
  it('pseudonymises: blanks the id columns of the person rows only, keeping the rest', () => {
    const db = openDatabase({ filename: ':memory:' });
    db.prepare(
      `INSERT INTO projects (id, public_id, name, write_key, created_at) VALUES (1, 'p', 'P', 'w', 0)`,
    ).run();
    const insert = db.prepare(`
      INSERT INTO consent_records (project_id, record_id, timestamp, granted, denied, policy_version, source, anonymous_id, user_id, received_at)
      VALUES (?, ?, 0, '[]', '[]', '1', 'banner', ?, ?, 0)`);
    insert.run(1, 'mine-device', 'd1', null);
    insert.run(1, 'mine-user', null, 'u1');
    insert.run(1, 'theirs', 'd2', 'u2');
    const spec = PERSON_TABLES.find((t) => t.table === 'consent_records')!;
    const rows = preparePersonRows(db, spec);
    const ids = { anonymousIds: ['d1'], userIds: ['u1'] };
    expect(rows.select(1, ids).map((r) => r.record_id)).toEqual(['mine-device', 'mine-user']);
    expect(rows.pseudonymise(1, ids)).toBe(2);
    expect(
      db.prepare(`SELECT record_id, anonymous_id, user_id FROM consent_records ORDER BY seq`).raw().all(),
    ).toEqual([
      ['mine-device', null, null],
      ['mine-user', null, null],
      ['theirs', 'd2', 'u2'],
    ]);
    expect(rows.has(1, ids)).toBe(false);
    expect(rows.has(2, { anonymousIds: ['d2'], userIds: [] })).toBe(false); // another project
    db.close();
  });
});
