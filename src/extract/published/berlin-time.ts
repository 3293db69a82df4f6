/**
 * The UTC offset of Europe/Berlin for a local wall-clock time, computed from the EU summer-time rule
 * (no tz database needed): summer time runs from the last Sunday of March, 02:00 local, to the last
 * Sunday of October, 03:00 local.
 */

/** Day of month (1–31) of the last Sunday of `month` (1–12) in `year`. */
export function lastSundayOf(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/** Whether a Berlin wall-clock time falls in summer time (CEST, UTC+2). */
export function isBerlinSummerTime(year: number, month: number, day: number, hour: number): boolean {
  // Before 1996 summer time ended on the last Sunday of September (Germany 1980–1995).
  const endMonth = year < 1996 ? 9 : 10;
  if (year < 1980 || month < 3 || month > endMonth) return false;
  if (month > 3 && month < endMonth) return true;
  if (month === 3) {
    const start = lastSundayOf(year, 3);
    // 02:00–03:00 on the switch day does not exist; a page stating it meant summer time.
    return day > start || (day === start && hour >= 2);
  }
  const end = lastSundayOf(year, endMonth);
  // 02:00–03:00 on the switch day happens twice; we take the first (summer) one.
  return day < end || (day === end && hour < 3);
}

/** Offset of Berlin local time from UTC, in minutes (60 or 120). */
export function berlinUtcOffsetMinutes(year: number, month: number, day: number, hour: number): number {
  return isBerlinSummerTime(year, month, day, hour) ? 120 : 60;
}

/**
 * Berlin wall-clock time of an instant (milliseconds since the epoch), with its offset. A time is
 * summer time only when both readings agree, which places the two switch hours exactly
 * (01:00 UTC on the last Sundays of March and October).
 */
export function berlinWallTime(utcMs: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; offsetMinutes: number } {
  const wall = (offsetMinutes: number) => {
    const d = new Date(utcMs + offsetMinutes * 60_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  };
  const winter = wall(60);
  const summer = wall(120);
  const isSummer =
    isBerlinSummerTime(winter.year, winter.month, winter.day, winter.hour) &&
    isBerlinSummerTime(summer.year, summer.month, summer.day, summer.hour);
  return isSummer ? { ...summer, offsetMinutes: 120 } : { ...winter, offsetMinutes: 60 };
}
