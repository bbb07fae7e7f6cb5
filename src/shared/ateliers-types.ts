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

/**
 * One screen of a workshop's evaluation on the kiosk, made on the box from the same
 * definition as the phone pages (ateliers/evaluation.ts `screensOf`): the kiosk keeps no
 * copy of the questions.
 */
export interface KioskEvalScreen {
  /** The field its answer travels in: "useful", "alone_after", "q12"… */
  field: string;
  /** faces: the fixed core (oui / un peu / non); choice: the animateur's; open: typed. */
  kind: 'faces' | 'choice' | 'open';
  text: string;
  /** What can be pressed: a face with its word, or a choice. Empty for an open question. */
  options: Array<{ value: string; label: string; face?: 'yes' | 'neutral' | 'no' }>;
  /** The longest open answer, in characters (0 for faces and choices). */
  maxLength: number;
  /** The question read aloud (WAV made on the box), or null when the box has no voice. */
  speechUrl: string | null;
}

/** Where the kiosk reads an evaluation's screens (GET) and sends an answer (POST). */
export const kioskEvaluationPath = (id: number) => `/api/ateliers/${id}/evaluation`;

/** `GET kioskEvaluationPath(id)`. */
export interface KioskEvaluation {
  id: number;
  title: string;
  /** False once the animateur closed it (or its time is up): the kiosk says so kindly. */
  open: boolean;
  screens: KioskEvalScreen[];
}

/** `POST /api/ateliers/:id/evaluation`: the answers, field by field (skipped: absent). */
export interface KioskAnswerBody {
  values: Record<string, string>;
}

/**
 * What the box did with it. `saved`: counted; `empty`: nothing answered, nothing stored;
 * `closed`: the evaluation is closed; `refused`: not sent from the box's own screen.
 */
export interface KioskAnswerReply {
  result: 'saved' | 'empty' | 'closed' | 'refused';
}
