// The study day: it starts at `dayStartHour` local time (Anki's "next day starts at"), so a
// late-night session counts toward the day it belongs to. Time is a parameter.

/** Start (local time, at dayStartHour) of the study day that contains `now`. */
export function dayStart(now: Date, dayStartHour: number): Date {
  const d = new Date(now.getTime());
  d.setHours(dayStartHour, 0, 0, 0);
  if (d.getTime() > now.getTime()) d.setDate(d.getDate() - 1);
  return d;
}

/** "YYYY-MM-DD" of the study day that `at` falls in. */
export function dayKey(at: Date, dayStartHour = 0): string {
  const d = dayStart(at, dayStartHour);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
