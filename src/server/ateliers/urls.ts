/** The ateliers' addresses, built in one place (pages, poster QR, feed, kiosk). */
export const atelierPath = (id: number) => `/ateliers/${id}`;
export const atelierIcsPath = (id: number) => `/ateliers/${id}.ics`;
export const AGENDA_ICS_PATH = '/ateliers.ics';
export const posterPath = (id: number) => `/ateliers/${id}/affiche`;
export const evaluationPath = (id: number) => `/ateliers/${id}/avis`;

/** The box's public address for a path (what a QR code or a calendar points to). */
export function publicUrlOf(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
export { kioskEvaluationPath } from '../../shared/ateliers-types.js';
/** A screen of it read aloud, `n` from 1. */
export const kioskSpeechPath = (id: number, n: number) =>
  `/api/ateliers/${id}/evaluation/${n}/speech.wav`;
