import type { Exercise } from '../format.js';

export declare const MAX_CODE_STEPS: number;
export declare function parcoursKey(id: string): number;
export declare function encodeProgress(id: string, done: readonly number[]): string;
export type DecodedProgress =
  | { ok: true; key: number; steps: number[] }
  | { ok: false; reason: 'empty' | 'length' | 'symbol' | 'check' };
export declare function decodeProgress(typed: string): DecodedProgress;
export type FeedbackCode =
  | 'right'
  | 'wrong'
  | 'empty'
  | 'space'
  | 'case'
  | 'accent'
  | 'both'
  | 'at'
  | 'short'
  | 'kinds'
  | 'common'
  | 'personal';
export interface CheckResult {
  ok: boolean;
  code: FeedbackCode;
  /** The option or zone chosen (from 0), for choices, taps and messages. */
  chosen?: number;
}
export declare function checkAnswer(exercise: Exercise, answer: unknown): CheckResult;
export declare const FEEDBACK: Record<
  'fr' | 'en',
  Record<FeedbackCode | 'hint' | 'retry' | 'next', string>
>;
export interface FeedbackView {
  ok: boolean;
  main: string;
  detail: string;
  /** Show the exercise's hint (after a wrong try). */
  hint: boolean;
  /** Show the message's clues (once found). */
  clues: boolean;
}
export declare function feedbackView(
  exercise: Exercise,
  result: CheckResult,
  lang: 'fr' | 'en',
): FeedbackView;
