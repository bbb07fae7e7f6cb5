import ical from 'ical-generator';
import type { Atelier } from './service.js';
import { parisWall, ZONE } from './time.js';
import { atelierPath, publicUrlOf } from './urls.js';

/**
 * Europe/Paris as iCalendar describes it (the EU rule in force since 1996: summer time
 * from the last Sunday of March 02:00 to the last Sunday of October 03:00).
 */
export const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** Paris wall time as the floating "YYYY-MM-DDTHH:MM:00" that ical-generator writes under TZID. */
function wall(at: Date): string {
  const w = parisWall(at);
  return `${w.date}T${w.time}:00`;
}

/**
 * An iCalendar file of workshops, times in Europe/Paris with its VTIMEZONE. Native Dates
 * are not given to ical-generator with a time zone: without a date library it would
 * write them in the process's own zone; Paris wall time is computed here instead.
 */
export function calendarOf(
  ateliers: Atelier[],
  opts: { name: string; publicUrl: string; stamp: Date },
): string {
  const cal = ical({
    name: opts.name,
    prodId: { company: 'Lanterne', product: 'ateliers', language: 'FR' },
    // No calendar-wide zone (it would also move DTSTAMP out of UTC): each event names it.
    timezone: { name: null, generator: (tz) => (tz === ZONE ? PARIS_VTIMEZONE : null) },
  });
  for (const a of ateliers) {
    const url = publicUrlOf(opts.publicUrl, atelierPath(a.id));
    cal.createEvent({
      id: `atelier-${a.id}@${new URL(url).host || 'lanterne'}`,
      start: wall(a.startsAt),
      end: wall(a.endsAt),
      timezone: ZONE,
      stamp: opts.stamp,
      summary: a.title,
      description: a.description ? `${a.description}\n\n${url}` : url,
      location: a.place || null,
      url,
    });
  }
  return cal.toString();
}
