import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { IndexSnapshot, SnapshotError, type SnapshotSource } from '../engine/IndexSnapshot.js';
import type { JourneyIndex } from '../engine/JourneyIndex.js';

/** What a snapshot file's header says of the store it was taken from. */
interface SnapshotMeta {
  projectRowId: number;
  /** The index's last `seq`, and that row's event id: the row must still be there, the same. */
  lastSeq: number;
  lastEventId: string | null;
  /** `projects.removal_generation` when it was taken: any removal since makes it stale. */
  removalGeneration: number;
}

/** The snapshot folder of a database file: beside it, `<file>.journey/`. */
export function getSnapshotDirectory(filename: string): string {
  return `${filename}.journey`;
}

/** Deletes a project's snapshot in `directory`, if any (erasure, from the main thread). */
export function removeIndexSnapshot(directory: string, projectRowId: number): void {
  rmSync(join(directory, `${projectRowId}.idx`), { force: true });
}

/**
 * The journey indexes' snapshots of one database, one file per project
 * (`<projectRowId>.idx`), so that a restart loads an index instead of rebuilding it
 * from every row. A snapshot is only a head start: it is used when the row it ends
 * at is still in the store and nothing was removed since (erasure, retention),
 * then the index catches up from there like any index; otherwise it is deleted and
 * the index is built from the store. The files hold ids (as the database does):
 * the folder is private to the owner, and erasure deletes a project's snapshot.
 */
export class IndexSnapshotFiles {
  private readonly _getEventId;
  private readonly _getGeneration;

  constructor(
    db: Database.Database,
    readonly directory: string,
  ) {
    this._getEventId = db.prepare(`SELECT event_id FROM events WHERE seq = ? AND project_id = ?`).pluck();
    this._getGeneration = db.prepare(`SELECT removal_generation FROM projects WHERE id = ?`).pluck();
  }

  private _path(projectRowId: number): string {
    return join(this.directory, `${projectRowId}.idx`);
  }

  /**
   * Restores `index` (new, empty) from the project's snapshot when it is valid for
   * the store as it is now; false when there is none or it is stale or unreadable
   * (then deleted), and `index` stays empty.
   */
  load(projectRowId: number, index: JourneyIndex): boolean {
    let fd: number;
    try {
      fd = openSync(this._path(projectRowId), 'r');
    } catch {
      return false;
    }
    try {
      const { meta, snapshot } = IndexSnapshot.read<SnapshotMeta>(fileSource(fd));
      if (!this._isCurrent(projectRowId, meta)) throw new Error('stale');
      index.restore(snapshot);
      if (index.lastSeq !== meta.lastSeq) throw new Error('inconsistent');
      return true;
    } catch {
      this.remove(projectRowId);
      return false;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Writes the index's snapshot: to a temporary file, flushed, then renamed over the
   * old one, so a crash leaves the old snapshot or the new one, never half of one.
   * A removal committed meanwhile deletes it again (erasure must leave no copy).
   */
  save(projectRowId: number, index: JourneyIndex): void {
    const generation = this._generation(projectRowId);
    if (generation === undefined) return; // the project was deleted
    const meta: SnapshotMeta = {
      projectRowId,
      lastSeq: index.lastSeq,
      lastEventId: (this._getEventId.get(index.lastSeq, projectRowId) as string | undefined) ?? null,
      removalGeneration: generation,
    };
    const snapshot = new IndexSnapshot();
    index.save(snapshot);
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const path = this._path(projectRowId);
    const temporary = `${path}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      for (const chunk of snapshot.encode(meta)) writeAll(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    if (this._generation(projectRowId) !== generation) this.remove(projectRowId);
  }

  /** Deletes the project's snapshot, if any. */
  remove(projectRowId: number): void {
    removeIndexSnapshot(this.directory, projectRowId);
  }

  private _generation(projectRowId: number): number | undefined {
    return this._getGeneration.get(projectRowId) as number | undefined;
  }

  private _isCurrent(projectRowId: number, meta: SnapshotMeta): boolean {
    if (meta.projectRowId !== projectRowId) return false;
    if (meta.removalGeneration !== this._generation(projectRowId)) return false;
    if (meta.lastSeq === 0) return true;
    return this._getEventId.get(meta.lastSeq, projectRowId) === meta.lastEventId;
  }
}

/** At most this many bytes per read or write call: Linux moves at most about 2 GiB in one. */
const IO_CHUNK_BYTES = 1 << 30;

/**
 * A snapshot file as `IndexSnapshot.read` reads it: each section into a buffer of its
 * own, in calls of at most `chunkBytes`.
 */
export function fileSource(fd: number, chunkBytes = IO_CHUNK_BYTES): SnapshotSource {
  return {
    byteLength: fstatSync(fd).size,
    read(offset, length) {
      // Unpooled: its own memory, 8-byte aligned, so columns are views on it.
      const bytes = Buffer.allocUnsafeSlow(length);
      let done = 0;
      while (done < length) {
        const read = readSync(fd, bytes, done, Math.min(chunkBytes, length - done), offset + done);
        if (read === 0) throw new SnapshotError('the snapshot is truncated');
        done += read;
      }
      return bytes;
    },
  };
}

/** Writes all of `bytes`, in calls of at most `chunkBytes` (a single write may write fewer than asked). */
export function writeAll(fd: number, bytes: Buffer, chunkBytes = IO_CHUNK_BYTES): void {
  let done = 0;
  while (done < bytes.byteLength) {
    done += writeSync(fd, bytes, done, Math.min(chunkBytes, bytes.byteLength - done));
  }
}
