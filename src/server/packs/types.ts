import type { PackOrigin } from '../catalogue/types.js';
import type { Manifest } from './manifest.js';

export type { PackOrigin };

/**
 * The contract between the parts of the pack pipeline: the checks (`inspect`), the
 * import (`import`), the pack tool's `verify`, and the USB watcher all speak these types.
 */
export interface PackSource {
  /** A folder holding `lanterne-pack.json`, or a `.zip` of such a folder. */
  kind: 'folder' | 'zip';
  path: string;
  origin: PackOrigin;
}

/** One thing wrong with a pack, said in plain French: what, where, and what to do. */
export interface PackProblem {
  /** Stable machine code, e.g. `checksum-mismatch`, `path-traversal`, `unknown-licence`. */
  code: string;
  message: string;
  /** The file of the pack concerned, when there is one. */
  file?: string | undefined;
  /** What the animateur can do about it. */
  hint?: string | undefined;
}

export interface InspectResult {
  ok: boolean;
  manifest?: Manifest | undefined;
  problems: PackProblem[];
  /** Bytes the import will copy (items, covers, notices). */
  totalBytes: number;
  itemCount: number;
  signature: 'none' | 'valid' | 'invalid' | 'untrusted';
  /** Name of the trusted key that signed it, when valid. */
  signer?: string | undefined;
  /** That key (raw base64), when valid. */
  signerKey?: string | undefined;
}

export interface ImportProgress {
  phase: 'checking' | 'copying' | 'verifying' | 'switching' | 'done';
  bytesDone: number;
  bytesTotal: number;
  file?: string | undefined;
}

export type ImportOutcome =
  | { status: 'imported'; packId: string; version: string; replaced?: string | undefined }
  | { status: 'unchanged'; packId: string; version: string }
  | { status: 'older'; packId: string; version: string; installed: string }
  | { status: 'rejected'; problems: PackProblem[] };

/**
 * Lets other features install their part of a pack (e-notices…) inside the same
 * database transaction as the catalogue switch, so a pack is all there or not at all.
 * `packDir` is the pack's final folder (its files are already in place).
 */
export interface PackHook {
  name: string;
  install(packId: string, packDir: string, manifest: Manifest): void;
  remove(packId: string): void;
}
