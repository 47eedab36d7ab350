// XML Schema's date and time types as libxml2 2.9.14 reads them (xmlschemastypes.c, xmlSchemaValidateDates):
// a year of four or more digits (no leading zero beyond four, never 0000, an optional '-', no '+');
// hour 24 only as 24:00:00; seconds below 60 with any number of fraction digits after a point; a time
// zone of Z or ±hh:mm within ±14:00. Values order as instants; one with a time zone and one without
// compare only when they are more than 14 hours apart (otherwise incomparable, as XSD says; libxml2's
// xmlSchemaCompareDates decides some of those nearer pairs by day and time of day, which we do not copy:
// it matters only to date bounds and date <value>s, and libvirt's schemas have neither).
import type { ValueType } from './valueType';

export interface DateValue {
  /** Seconds from 0001-01-01T00:00:00 in the value's own clock, then moved to UTC when zoned. */
  readonly instant: number;
  readonly zoned: boolean;
  /**
   * Written as 24:00:00. XSD 1.0 makes that the next day's 00:00:00; libxml2 keeps the day it was written
   * on, so it equals no 00:00:00 and sorts just before it. We follow libxml2.
   */
  readonly endOfDay: boolean;
}

const YEAR = '(-?[0-9]{4,})';
const MONTH = '([0-9]{2})';
const DAY = '([0-9]{2})';
const TIME = '([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\\.[0-9]+)?)';
const ZONE = '(Z|[+-][0-9]{2}:[0-9]{2})?';

type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number };
type Reader = (match: RegExpExecArray) => Fields | undefined;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function readYear(text: string): number | undefined {
  const digits = text.startsWith('-') ? text.slice(1) : text;
  if (digits.length > 4 && digits.startsWith('0')) return undefined;
  // libxml2 keeps the year in a C long (64-bit on the hosts libvirt runs on).
  if (digits.length > 19 || (digits.length === 19 && digits > '9223372036854775807')) return undefined;
  const year = Number(text);
  return year === 0 ? undefined : year;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function validTime(hour: number, minute: number, second: number): boolean {
  if (hour === 24) return minute === 0 && second === 0;
  return hour <= 23 && minute <= 59 && second < 60;
}

function dateFields(yearText: string, monthText: string, dayText: string): Fields | undefined {
  const year = readYear(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year === undefined || !validDay(year, month, day)) return undefined;
  return { year, month, day, hour: 0, minute: 0, second: 0 };
}

function withTime(fields: Fields | undefined, hourText: string, minuteText: string, secondText: string): Fields | undefined {
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);
  if (!fields || !validTime(hour, minute, second)) return undefined;
  return { ...fields, hour, minute, second };
}

const BASE: Fields = { year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 };

const FORMS: Record<string, [string, Reader]> = {
  dateTime: [`${YEAR}-${MONTH}-${DAY}T${TIME}`, (m) => withTime(dateFields(m[1]!, m[2]!, m[3]!), m[4]!, m[5]!, m[6]!)],
  date: [`${YEAR}-${MONTH}-${DAY}`, (m) => dateFields(m[1]!, m[2]!, m[3]!)],
  time: [TIME, (m) => withTime(BASE, m[1]!, m[2]!, m[3]!)],
  gYearMonth: [`${YEAR}-${MONTH}`, (m) => dateFields(m[1]!, m[2]!, '01')],
  gYear: [YEAR, (m) => dateFields(m[1]!, '01', '01')],
  // libxml2 checks a month-day against a leap year (its year is 0 there), so --02-29 is a gMonthDay.
  gMonthDay: [`--${MONTH}-${DAY}`, (m) => dateFields('2000', m[1]!, m[2]!)],
  gMonth: [`--${MONTH}`, (m) => dateFields('2000', m[1]!, '01')],
  gDay: [`---${DAY}`, (m) => dateFields('2000', '01', m[1]!)],
};

/** Days from 0001-01-01 to the given proleptic Gregorian date (years before 1 counted the same way). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra;
}

function zoneMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  const offset = hours * 60 + minutes;
  if (offset > 840) return undefined;
  return zone.startsWith('-') ? -offset : offset;
}

const FOURTEEN_HOURS = 14 * 3600;

function compareDates(a: DateValue, b: DateValue): number {
  if (a.zoned === b.zoned) return a.instant < b.instant ? -1 : a.instant > b.instant ? 1 : a.endOfDay === b.endOfDay ? 0 : a.endOfDay ? -1 : 1;
  if (a.instant + FOURTEEN_HOURS < b.instant) return -1;
  if (a.instant - FOURTEEN_HOURS > b.instant) return 1;
  return NaN;
}

function dateType(name: string, source: string, read: Reader): ValueType<DateValue> {
  const form = new RegExp(`^${source}${ZONE}$`);
  return {
    name,
    whitespace: 'collapse',
    patternSees: 'written',
    parse(text) {
      const match = form.exec(text);
      if (!match) return undefined;
      const fields = read(match);
      if (!fields) return undefined;
      const zone = match[match.length - 1];
      const offset = zone === undefined ? 0 : zoneMinutes(zone);
      if (offset === undefined) return undefined;
      const days = dayNumber(fields.year, fields.month, fields.day);
      const instant = days * 86400 + fields.hour * 3600 + fields.minute * 60 + fields.second - offset * 60;
      return { instant, zoned: zone !== undefined, endOfDay: fields.hour === 24 };
    },
    same: (a, b) => compareDates(a, b) === 0,
    order: compareDates,
  };
}

export const DATE_TYPES: readonly ValueType<DateValue>[] = Object.entries(FORMS).map(([name, [source, read]]) => dateType(name, source, read));
