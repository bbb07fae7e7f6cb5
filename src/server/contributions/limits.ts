import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';

/** How much the box accepts from visitors (tests shrink these before first use). */
export interface ContributionLimits {
  /** One proposed file. */
  maxFileBytes: number;
  /** Every proposal still waiting, together. */
  quotaBytes: number;
  /** Free space the disk keeps after a proposal is stored. */
  keepFreeBytes: number;
  /** Proposals one device may send in an hour (counted in memory only). */
  perDevicePerHour: number;
  /** Receipt look-ups one device may make in an hour (codes cannot be guessed in bulk). */
  lookupsPerHour: number;
  /** Uploads read at the same time (each is held in memory while it is checked). */
  concurrentUploads: number;
  /** An upload that sends nothing for this long is cut. */
  idleMs: number;
  /** An upload that takes longer than this in all is cut. */
  totalMs: number;
}

export const DEFAULT_LIMITS: ContributionLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  quotaBytes: 500 * 1024 * 1024,
  keepFreeBytes: 300 * 1024 * 1024,
  perDevicePerHour: 5,
  lookupsPerHour: 30,
  concurrentUploads: 2,
  idleMs: 30_000,
  totalMs: 15 * 60_000,
};

/** The form's own fields around the file: a request may carry this much more. */
export const FORM_OVERHEAD = 256 * 1024;

export const CONTRIBUTION_LIMITS = serviceKey(
  'contribution-limits',
  (_ctx: Context): ContributionLimits => ({ ...DEFAULT_LIMITS }),
);
