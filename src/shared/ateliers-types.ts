/** `GET /api/ateliers/today`, read by the kiosk's attract screen. */
export interface KioskAteliersToday {
  /** False while the box does not know the time: then `today` is empty, never guessed. */
  clockKnown: boolean;
  today: Array<{
    id: number;
    title: string;
    /** Paris wall time, "14 h" or "14 h 30" (French) / "14:30" (English). */
    hour: { fr: string; en: string };
    place: string;
  }>;
  /** Workshops whose evaluation is open now: the kiosk shows their QR code. */
  evaluations: Array<{
    id: number;
    title: string;
    /** The participants' address (`/ateliers/N/avis` on the box's public address). */
    url: string;
    /** That address as a QR code (SVG markup made on the box). */
    qr: string;
  }>;
}
