import { GENESIS_HASH } from '@parcours/store';
import type { Records } from '../state/createRecords.js';

/** Where one chain's purged prefix ended: the last purged record's position and hash. */
export interface LedgerAnchor {
  chain: string;
  throughPosition: number;
  hash: string;
  /** Records the purge that wrote this anchor removed. */
  records: number;
  /** Epoch ms. */
  purgedAt: number;
}

/** The record id of a chain's anchor. */
const anchorId = (projectId: string, chain: string) => `${projectId}/${chain}`;

/**
 * The anchors of a project's chains, by chain: a chain with one starts after its
 * anchor (its records up to `throughPosition` are purged, or being deleted), from the
 * anchor's hash, as SQLite's `consent_ledger_anchors` does for its one chain.
 */
export async function getLedgerAnchors(
  records: Records,
  projectId: string,
): Promise<Map<string, LedgerAnchor>> {
  const rows = await records.list<LedgerAnchor>('ledger_anchor', projectId);
  return new Map(rows.map((row) => [row.value.chain, row.value]));
}

/** Writes anchors (each chain's new one replaces its previous: an anchor only moves forward). */
export async function putLedgerAnchors(
  records: Records,
  projectId: string,
  anchors: ReadonlyArray<LedgerAnchor>,
): Promise<void> {
  await records.putAll(
    anchors.map((anchor) => ({
      kind: 'ledger_anchor' as const,
      id: anchorId(projectId, anchor.chain),
      owner: projectId,
      value: anchor,
    })),
  );
}

/** Where a chain starts for verification: the position after its anchor and the hash before it. */
export function startOfChain(anchors: ReadonlyMap<string, LedgerAnchor>, chain: string) {
  const anchor = anchors.get(chain);
  return { position: (anchor?.throughPosition ?? 0) + 1, prevHash: anchor?.hash ?? GENESIS_HASH };
}
