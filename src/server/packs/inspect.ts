import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { allowedByPolicy, isKnownLicence } from '../catalogue/licences.js';
import { MANIFEST_FILE, type FileRef, type Manifest } from './manifest.js';
import {
  clashKey,
  findClashes,
  findFileFolderClash,
  storedName,
  unsafePathReason,
} from './names.js';
import { MAX_NOTICE_BYTES, noticeAssets } from './notice-assets.js';
import { parseManifest, turn } from './parse.js';
import { PackError, problems } from './problems.js';
import { FolderReader } from './read/folder.js';
import { DEFAULT_LIMITS, type Located, type PackLimits, type PackReader } from './read/reader.js';
import { ZipReader } from './read/zip.js';
import type { InspectResult, PackProblem, PackSource } from './types.js';
import { isZimPath, ZIM_MAGIC, zimRuleBroken } from './zim.js';

/** Beyond this many problems the list stops: the animateur needs the first ones. */
const MAX_PROBLEMS = 50;

export interface SignatureCheck {
  signature: InspectResult['signature'];
  signer?: string | undefined;
  signerKey?: string | undefined;
}

export interface InspectOptions {
  licencePolicy: 'free-culture' | 'all-cc';
  /** Read every file and compare its SHA-256 (`verify` does; the import checks while copying). */
  checksums?: boolean | undefined;
  limits?: Partial<PackLimits> | undefined;
  /**
   * Signature check, provided by the trust feature. `readFile` reads another small file
   * of the pack (e.g. a signature next to the manifest), or null when absent.
   */
  checkSignature?:
    | ((
        manifestBytes: Buffer,
        readFile: (name: string, maxBytes: number) => Promise<Buffer | null>,
      ) => Promise<SignatureCheck>)
    | undefined;
}

/** A file to copy: where the manifest points, what the pack holds, what to expect. */
export interface PlannedFile {
  ref: FileRef;
  located: Located;
  /**
   * A notice's picture or recording: copied with the notice, but its checksum is the
   * notices hook's to judge (a broken notice never rejects its pack).
   */
  optional?: boolean | undefined;
}

export interface Inspection extends InspectResult {
  manifestSha256?: string | undefined;
  manifestBytes?: Buffer | undefined;
  /** Open while the import copies; closed by `inspectPack`. */
  reader?: PackReader | undefined;
  files: PlannedFile[];
}

export async function openReader(source: PackSource, limits: PackLimits): Promise<PackReader> {
  let st;
  try {
    st = await lstat(source.path);
  } catch {
    throw new PackError(problems.notFound(source.path));
  }
  if (source.kind === 'zip') {
    if (!st.isFile()) throw new PackError(problems.notFound(source.path));
    return ZipReader.open(source.path, limits);
  }
  if (!st.isDirectory()) throw new PackError(problems.notFound(source.path));
  return new FolderReader(source.path);
}

/** Every file the manifest names, in order (items, covers, notices, parcours). */
export function referencedFiles(manifest: Manifest): FileRef[] {
  const refs: FileRef[] = [];
  for (const item of manifest.items) {
    refs.push(...item.files);
    if (item.cover) refs.push(item.cover);
  }
  refs.push(...manifest.notices, ...manifest.parcours);
  return refs;
}

/** The checks on the manifest alone: ids, licences, paths. */
async function checkManifest(
  manifest: Manifest,
  policy: InspectOptions['licencePolicy'],
): Promise<{ problems: PackProblem[]; refs: FileRef[] }> {
  const found: PackProblem[] = [];
  if (manifest.items.length + manifest.notices.length + manifest.parcours.length === 0)
    found.push(problems.empty());
  const ids = new Set<string>();
  for (const item of manifest.items) {
    if (ids.has(item.id)) found.push(problems.duplicateItem(item.id));
    ids.add(item.id);
    const zim = zimRuleBroken(item.type, item.files);
    if (zim === 'needs-one-zim') found.push(problems.encyclopediaNeedsOneZim(item.id));
    if (zim === 'zim-outside-encyclopedia') found.push(problems.zimOutsideEncyclopedia(item.id));
    if (!isKnownLicence(item.licence)) found.push(problems.unknownLicence(item.licence, item.id));
    else if (!allowedByPolicy(item.licence, policy))
      found.push(problems.licenceNotAllowed(item.licence, item.id, policy));
  }
  const noticeIds = new Set<string>();
  for (const notice of manifest.notices) {
    if (noticeIds.has(notice.id)) found.push(problems.duplicateItem(notice.id));
    noticeIds.add(notice.id);
  }
  const parcoursIds = new Set<string>();
  for (const parcours of manifest.parcours) {
    if (parcoursIds.has(parcours.id)) found.push(problems.duplicateItem(parcours.id));
    parcoursIds.add(parcours.id);
  }
  // The same file may serve twice (a shared cover) if it is described the same way.
  const byPath = new Map<string, FileRef>();
  let checked = 0;
  for (const ref of referencedFiles(manifest)) {
    // A turn of the event loop now and then: the portal answers during a big check.
    if ((checked += 1) % 1000 === 0) await turn();
    const why =
      unsafePathReason(ref.path) ??
      (clashKey(ref.path) === MANIFEST_FILE ? 'nom réservé au manifeste' : null);
    if (why) {
      found.push(problems.unsafePath(ref.path, why));
      continue;
    }
    const nfc = storedName(ref.path);
    const seen = byPath.get(nfc);
    if (seen) {
      if (seen.path !== ref.path) found.push(problems.nameClash(ref.path, seen.path));
      else if (seen.sha256 !== ref.sha256 || seen.size !== ref.size)
        found.push(problems.duplicatePath(ref.path));
      continue;
    }
    byPath.set(nfc, ref);
  }
  for (const [name, other] of findClashes(byPath.keys()))
    found.push(problems.nameClash(name, other));
  const fileFolder = findFileFolderClash(byPath.keys());
  if (fileFolder) found.push(problems.fileFolderClash(...fileFolder));
  return {
    problems: found,
    refs: [...byPath.values()].map((ref) => ({ ...ref, path: storedName(ref.path) })),
  };
}

/** Runs `work` over items with at most `limit` at a time, in order of start. */
export async function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Only the first bytes are read: a ZIM of several GB is read once, by the copy. */
async function startsLikeZim(reader: PackReader, located: Located): Promise<boolean> {
  for await (const chunk of reader.chunks(located))
    return chunk.subarray(0, ZIM_MAGIC.length).equals(ZIM_MAGIC);
  return false;
}

function asProblem(err: unknown, file: string): PackProblem {
  if (err instanceof PackError) return err.problem;
  return problems.readFailed(file, err);
}

/**
 * Opens and checks a pack, keeping the reader open for the import's copy.
 * Never throws: everything wrong is in `problems`.
 */
export async function examinePack(
  source: PackSource,
  options: InspectOptions,
): Promise<Inspection> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const result: Inspection = {
    ok: false,
    problems: [],
    totalBytes: 0,
    itemCount: 0,
    signature: 'none',
    files: [],
  };
  let reader: PackReader;
  try {
    reader = await openReader(source, limits);
  } catch (err) {
    result.problems.push(asProblem(err, MANIFEST_FILE));
    return result;
  }
  try {
    const bytes = await reader.readManifest(limits.manifestBytes);
    result.manifestSha256 = createHash('sha256').update(bytes).digest('hex');
    result.manifestBytes = bytes;
    const parsed = await parseManifest(bytes);
    if (!parsed.manifest) {
      result.problems.push(...parsed.problems);
      return finish(result, reader);
    }
    const manifest = parsed.manifest;
    result.manifest = manifest;
    result.itemCount = manifest.items.length;
    const checked = await checkManifest(manifest, options.licencePolicy);
    result.problems.push(...checked.problems);
    await eachLimited(checked.refs, 8, async (ref) => {
      if (result.problems.length >= MAX_PROBLEMS) return;
      try {
        const located = await reader.locate(ref.path);
        if (located.size !== ref.size)
          result.problems.push(problems.sizeMismatch(ref.path, ref.size, located.size));
        else if (isZimPath(ref.path) && !(await startsLikeZim(reader, located)))
          result.problems.push(problems.notAZim(ref.path));
        else result.files.push({ ref, located });
      } catch (err) {
        result.problems.push(asProblem(err, ref.path));
      }
    });
    if (result.problems.length === 0)
      result.files.push(...(await planNoticeAssets(reader, manifest, result.files)));
    result.totalBytes = result.files.reduce((sum, f) => sum + f.ref.size, 0);
    if (options.checksums && result.problems.length === 0) {
      await eachLimited(
        result.files.filter((f) => !f.optional),
        4,
        async ({ ref, located }) => {
          try {
            const hash = createHash('sha256');
            for await (const chunk of reader.chunks(located)) hash.update(chunk);
            if (hash.digest('hex') !== ref.sha256)
              result.problems.push(problems.checksumMismatch(ref.path));
          } catch (err) {
            result.problems.push(asProblem(err, ref.path));
          }
        },
      );
    }
    if (options.checkSignature) {
      const readFile = async (name: string, maxBytes: number): Promise<Buffer | null> => {
        try {
          const located = await reader.locate(name);
          if (located.size > maxBytes) return null;
          const parts: Buffer[] = [];
          for await (const chunk of reader.chunks(located)) parts.push(chunk);
          return Buffer.concat(parts);
        } catch {
          return null;
        }
      };
      const signed = await options.checkSignature(bytes, readFile);
      result.signature = signed.signature;
      result.signer = signed.signer;
      result.signerKey = signed.signerKey;
    }
  } catch (err) {
    result.problems.push(asProblem(err, MANIFEST_FILE));
  }
  return finish(result, reader);
}

/** The files the pack's e-notices and parcours name beside them, found and sized, not yet read. */
async function planNoticeAssets(
  reader: PackReader,
  manifest: Manifest,
  planned: PlannedFile[],
): Promise<PlannedFile[]> {
  const byPath = new Map(planned.map((f) => [f.ref.path, f]));
  const extra: PlannedFile[] = [];
  for (const doc of [...manifest.notices, ...manifest.parcours]) {
    const file = byPath.get(doc.path.normalize('NFC'));
    if (!file || file.ref.size > MAX_NOTICE_BYTES) continue;
    const parts: Buffer[] = [];
    try {
      for await (const chunk of reader.chunks(file.located)) parts.push(chunk);
    } catch {
      continue;
    }
    for (const asset of noticeAssets(file.ref.path, Buffer.concat(parts))) {
      if (byPath.has(asset.path)) continue;
      try {
        const located = await reader.locate(asset.path);
        const plan: PlannedFile = {
          ref: { path: asset.path, size: located.size, sha256: asset.sha256 },
          located,
          optional: true,
        };
        byPath.set(asset.path, plan);
        extra.push(plan);
      } catch {
        // Missing, a symlink, outside the pack…: not copied; the notices hook reports the notice.
      }
    }
  }
  return extra;
}

async function finish(result: Inspection, reader: PackReader): Promise<Inspection> {
  result.ok = result.problems.length === 0;
  if (result.ok) result.reader = reader;
  else await reader.close();
  return result;
}

/**
 * The checks a pack must pass, exactly as the import runs them (the pack tool's
 * `verify` calls this with `checksums: true`).
 *
 * @example
 * const result = await inspectPack({ kind: 'folder', path: '/media/cle/pack', origin: 'usb' },
 *   { licencePolicy: ctx.settings.current().licencePolicy, checksums: true });
 * if (!result.ok) for (const p of result.problems) console.log(p.message);
 */
export async function inspectPack(
  source: PackSource,
  options: InspectOptions,
): Promise<InspectResult & { manifestSha256?: string | undefined }> {
  const {
    reader,
    files: _files,
    manifestBytes: _bytes,
    ...result
  } = await examinePack(source, options);
  if (reader) await reader.close();
  return result;
}
