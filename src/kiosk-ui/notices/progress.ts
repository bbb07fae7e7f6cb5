/**
 * Where the visitor is in each notice, for "resume where I left". Kept in
 * sessionStorage (the kiosk clears it when a visit ends) with an in-memory copy for
 * when storage is disabled by policy.
 */
const memory = new Map<string, number>();
const key = (id: string) => `lanterne.notice.${id}`;

export function loadProgress(id: string): number {
  try {
    const raw = sessionStorage.getItem(key(id));
    if (raw !== null) {
      const n = Number(raw);
      if (Number.isInteger(n) && n >= 0) return n;
    }
  } catch {
    // Storage disabled: the in-memory copy stands in.
  }
  return memory.get(id) ?? 0;
}

export function saveProgress(id: string, index: number): void {
  memory.set(id, index);
  try {
    sessionStorage.setItem(key(id), String(index));
  } catch {
    // Storage disabled: the in-memory copy is enough for this visit.
  }
}

/** Forgets everything (the kiosk's reset also clears sessionStorage). */
export function clearProgress(): void {
  memory.clear();
}
