import type { WorkType } from './work-types.js';
/**
 * The JSON the kiosk application reads from `/api/kiosk/…`. Shared by the server
 * (which builds it) and the kiosk bundle (which only imports these types).
 */
export type KioskWorkType = WorkType;

export interface KioskInfo {
  libraryName: string;
  address: string;
  openingHours: string;
  contact: string;
  wifiName: string;
  publicUrl: string;
  /** Seconds without a touch before the "are you still there?" warning. */
  idleSeconds: number;
  /** Seconds the warning counts down before everything resets (never under 20). */
  warningSeconds: number;
  /** The portal's home page as a QR code (SVG markup made on the box). */
  portalQr: string;
  /** Changes when the kiosk is rebuilt: an idle kiosk reloads to pick the new one up. */
  build: string;
}

export interface KioskWorkCard {
  kind: 'work';
  id: string;
  title: string;
  type: KioskWorkType;
  authors: string;
  cover: string | null;
}

/** A search result that is an e-notice: opens in the kiosk's step-by-step view. */
export interface KioskNoticeCard {
  kind: 'notice';
  id: string;
  title: string;
  summary: string;
}

export type KioskCard = KioskWorkCard | KioskNoticeCard;

export interface KioskWorkList {
  /** Browsing by type lists works only; a search also finds e-notices (see `kind`). */
  items: KioskCard[];
  total: number;
  page: number;
  pages: number;
}

/** How the kiosk may show one file; anything else is "take it on your phone". */
/** `book`: an EPUB in the box's reader (its kiosk variant, `url` is the reader page). */
export type KioskViewKind = 'audio' | 'video' | 'image' | 'text' | 'book';

export interface KioskView {
  kind: KioskViewKind;
  url: string;
  name: string;
  mime: string;
}

export interface KioskWork {
  id: string;
  title: string;
  type: KioskWorkType;
  authors: Array<{ name: string; role: string }>;
  description: string;
  licence: string;
  /** The licence's short name ("CC BY-SA 4.0") and what it allows, in plain words. */
  licenceName: string;
  licenceText: { fr: string; en: string };
  attribution: string;
  language: string;
  cover: string | null;
  /** What can be read, heard or watched on the kiosk itself. */
  views: KioskView[];
  /** Everything else (EPUB, PDF, software…) by name, to take away on a phone. */
  takeAway: string[];
  /** Where the phone goes: `${publicUrl}/works/${id}`. */
  portalUrl: string;
  /** `portalUrl` as a QR code (SVG markup made on the box). */
  qr: string;
}

export const KIOSK_SECTIONS = [
  'home',
  'books',
  'audio',
  'video',
  'images',
  'documents',
  'software',
  'encyclopedias',
  'search',
  'results',
  'work',
  'player',
  'notices',
  'notice',
  'infos',
  'take-away',
  'evaluation',
] as const;
export type KioskSection = (typeof KIOSK_SECTIONS)[number];

/**
 * `/api/kiosk/setup`: the one-time set-up code, shown on the box's own kiosk screen until
 * the animateur password is set. Only a loopback client (the kiosk the box runs) gets a
 * code; everyone else, and everyone once the password is set, gets `{ code: null }`.
 */
export type KioskSetup = { code: null } | { code: string; setupUrl: string; wifiName: string };
