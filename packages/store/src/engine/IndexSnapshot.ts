/** The typed arrays a snapshot holds. */
export type SnapshotArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

const ARRAY_TYPES = { Float64Array, Uint32Array, Int32Array, Uint16Array, Uint8Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;

const SEPARATOR = '\u0000';

/** The first bytes of a snapshot file, with the format's version. */
const MAGIC = 'PARCOURS-INDEX-2';

/** A snapshot that cannot be read: the index is then built from the store. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

interface Section {
  name: string;
  /**
   * A typed array's type; `joined`, strings separated by U+0000 (splitting is faster
   * than parsing JSON, a third of a restore at 800,000 ids); or `strings`, a JSON array,
   * when some string holds U+0000.
   */
  type: ArrayTypeName | 'joined' | 'strings';
  offset: number;
  byteLength: number;
}

interface Header<Meta> {
  meta: Meta;
  numbers: Record<string, number>;
  sections: Section[];
}

/**
 * The parts of a journey index, by name: typed columns, string tables and numbers.
 * Each class of the index saves and restores its own parts (`save`/`restore`), so
 * the format knows nothing of their layout; `encode` and `decode` turn it into bytes:
 * a magic line, a JSON header, then 8-byte aligned sections, so that a read file's
 * columns are views on its buffer, not copies.
 */
export class IndexSnapshot {
  readonly arrays = new Map<string, SnapshotArray>();
  readonly strings = new Map<string, string[]>();
  readonly numbers = new Map<string, number>();

  /** A saved typed array; throws `SnapshotError` when absent or of another type. */
  array<T extends SnapshotArray>(name: string, ...types: Array<{ new (length: number): T }>): T {
    const found = this.arrays.get(name);
    if (found === undefined || !types.some((type) => found instanceof type)) {
      throw new SnapshotError(`the snapshot has no column ${name} of the expected type`);
    }
    return found as T;
  }

  stringList(name: string): string[] {
    const found = this.strings.get(name);
    if (found === undefined) throw new SnapshotError(`the snapshot has no string table ${name}`);
    return found;
  }

  number(name: string): number {
    const found = this.numbers.get(name);
    if (found === undefined) throw new SnapshotError(`the snapshot has no number ${name}`);
    return found;
  }

  /** The snapshot as bytes, `meta` (JSON) in its header. */
  encode(meta: unknown): Buffer[] {
    const sections: Section[] = [];
    const blocks: Buffer[] = [];
    let offset = 0;
    const add = (name: string, type: Section['type'], bytes: Buffer) => {
      sections.push({ name, type, offset, byteLength: bytes.byteLength });
      blocks.push(bytes);
      const padding = (8 - (bytes.byteLength % 8)) % 8;
      if (padding > 0) blocks.push(Buffer.alloc(padding));
      offset += bytes.byteLength + padding;
    };
    for (const [name, array] of this.arrays) {
      add(
        name,
        array.constructor.name as ArrayTypeName,
        Buffer.from(array.buffer, array.byteOffset, array.byteLength),
      );
    }
    for (const [name, list] of this.strings) {
      if (list.some((value) => value.includes(SEPARATOR)))
        add(name, 'strings', Buffer.from(JSON.stringify(list)));
      else add(name, 'joined', Buffer.from(`${list.length}${SEPARATOR}${list.join(SEPARATOR)}`));
    }
    const header: Header<unknown> = { meta, numbers: Object.fromEntries(this.numbers), sections };
    const json = Buffer.from(JSON.stringify(header));
    // Magic line, header length (8 bytes, ASCII digits), header padded to 8 bytes.
    const head = Buffer.alloc(align(MAGIC.length + 1 + 8 + json.byteLength));
    head.write(`${MAGIC}\n`, 0, 'latin1');
    head.write(String(json.byteLength).padStart(8, '0'), MAGIC.length + 1, 'latin1');
    json.copy(head, MAGIC.length + 9);
    return [head, ...blocks];
  }

  /** Reads bytes `encode` wrote; throws `SnapshotError` on anything else. */
  static decode<Meta>(bytes: Buffer): { meta: Meta; snapshot: IndexSnapshot } {
    return IndexSnapshot.read<Meta>({
      byteLength: bytes.byteLength,
      read: (offset, length) => bytes.subarray(offset, offset + length),
    });
  }

  /**
   * Reads a snapshot section by section from `source` (a file, say: one read per
   * section, so no single buffer holds the whole snapshot — Node reads at most 2 GiB
   * into one, and a 100M-event index is more). Throws `SnapshotError` on anything
   * `encode` did not write.
   */
  static read<Meta>(source: SnapshotSource): { meta: Meta; snapshot: IndexSnapshot } {
    const prefix = MAGIC.length + 9;
    if (source.byteLength < prefix || source.read(0, MAGIC.length + 1).toString('latin1') !== `${MAGIC}\n`) {
      throw new SnapshotError('not a journey index snapshot of this version');
    }
    const headerLength = Number(source.read(MAGIC.length + 1, 8).toString('latin1'));
    if (!Number.isSafeInteger(headerLength) || prefix + headerLength > source.byteLength) {
      throw new SnapshotError('the snapshot header is not readable');
    }
    let header: Header<Meta>;
    try {
      header = JSON.parse(source.read(prefix, headerLength).toString('utf8')) as Header<Meta>;
    } catch {
      throw new SnapshotError('the snapshot header is not readable');
    }
    const base = align(prefix + headerLength);
    const snapshot = new IndexSnapshot();
    for (const section of header.sections) {
      const start = base + section.offset;
      if (start + section.byteLength > source.byteLength)
        throw new SnapshotError('the snapshot is truncated');
      const bytes = source.read(start, section.byteLength);
      if (section.type === 'joined') {
        const text = bytes.toString('utf8');
        const head = text.indexOf(SEPARATOR);
        const count = Number(text.slice(0, head));
        // The count comes first: an empty list and a list of one empty string differ.
        const list = count === 0 ? [] : text.slice(head + 1).split(SEPARATOR);
        if (list.length !== count) throw new SnapshotError(`the string table ${section.name} is damaged`);
        snapshot.strings.set(section.name, list);
        continue;
      }
      if (section.type === 'strings') {
        snapshot.strings.set(section.name, JSON.parse(bytes.toString('utf8')) as string[]);
        continue;
      }
      const type = ARRAY_TYPES[section.type];
      if (type === undefined) throw new SnapshotError(`unknown column type ${String(section.type)}`);
      // Views need an 8-byte aligned start: a small read may sit in Node's shared pool.
      const aligned = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
      snapshot.arrays.set(
        section.name,
        new type(
          aligned.buffer as ArrayBuffer,
          aligned.byteOffset,
          section.byteLength / type.BYTES_PER_ELEMENT,
        ),
      );
    }
    for (const [name, value] of Object.entries(header.numbers)) snapshot.numbers.set(name, value);
    return { meta: header.meta, snapshot };
  }
}

/** Where `IndexSnapshot.read` reads from: its size, and the bytes at an offset. */
export interface SnapshotSource {
  byteLength: number;
  /** `length` bytes from `offset` (all of them: the caller checked they exist). */
  read(offset: number, length: number): Buffer;
}

function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
