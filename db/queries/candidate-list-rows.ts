// How a candidate list row travels from SQLite to a CandidateListItem.
//
// The full list (10,000 candidates) is the one query that returns many rows, and most of
// its time went into turning values into JavaScript: better-sqlite3 makes one string per
// text column and calls back into JavaScript once per row, JSON.parse made ~300,000
// strings for the tool and employer arrays, and every value made is then scavenged.
// Measured at 10,000 candidates, the old and each new reading alternating in one process
// (p50, on this shared 2-core machine): keyed row objects with JSON arrays 80–110 ms; raw
// arrays with tool codes (migration 0004) 40–60 ms; one packed string per row read here
// 25–38 ms; that string stored on the row (migration 0005) instead of built per query,
// another ~8 ms less.
//
// The packed row (candidates.list_row; migration 0005 lists its fields) is
// concat_ws(U+001F, …) of the list's columns. concat_ws leaves NULLs out, so the row starts
// with the id and a mask of which nullable columns are NULL, and the reader skips those.
// Every field the reader takes is exactly one part between separators, and the employers
// come last with their count; if the parts do not come out even (a name or an employer
// that itself contains U+001F), the reader gives up and the caller reads that row through
// the plain columns (readListRow), which is also how single rows are read.
import type { Db } from '../open.ts';
import { cachedStatement } from '../statements.ts';
import { candidateStatuses, type CandidateListItem, type CandidateStatus } from '../../contract/types.ts';
import { evidenceLevels, seniorityLevels, subRoleIds, type EvidenceLevel, type Seniority, type SubRoleId } from '../../contract/analysis.ts';

export const fromLatestAnalysis = `FROM candidates c LEFT JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id`;

/** The plain columns, one value each: the reference reading, used for single rows. */
const listColumns = `
  c.id, c.name, c.email, c.location, c.current_title, c.employers_json, c.status, c.created_at, c.updated_at,
  c.file_count, c.tool_codes,
  a.sub_role, a.evidence_level, a.evidence_score, a.is_padded, a.padding_score, a.seniority, a.years_experience
`;

type CandidateListRow = [
  id: number,
  name: string | null,
  email: string | null,
  location: string | null,
  currentTitle: string | null,
  employersJson: string,
  status: CandidateStatus,
  createdAt: string,
  updatedAt: string,
  fileCount: number,
  /** Shipped tools' codes, a space, listed-only tools' codes: one character per tool (migration 0004). */
  toolCodes: string,
  subRole: SubRoleId | null,
  evidenceLevel: EvidenceLevel | null,
  evidenceScore: number | null,
  isPadded: 0 | 1 | null,
  paddingScore: number | null,
  seniority: Seniority | null,
  yearsExperience: number | null,
];

const SEPARATOR = 0x1f;
// The NULL mask's bits, as migration 0005 writes them.
const NULL_NAME = 1;
const NULL_EMAIL = 2;
const NULL_LOCATION = 4;
const NULL_TITLE = 8;
/** No analysis row: sub_role … seniority (NOT NULL in analyses) and years are all NULL. */
const NULL_ANALYSIS = 16;
const NULL_YEARS = 32;

/** Tool ids by code (tool_codes). */
export function loadToolIds(db: Db): string[] {
  const toolIds: string[] = [];
  for (const [code, toolId] of cachedStatement(db, 'SELECT code, tool_id FROM tool_codes').raw(true).all() as Array<[number, string]>) {
    toolIds[code] = toolId;
  }
  return toolIds;
}

function parseStringArray(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

/** The tool ids of codes[start, end), one character per tool; undefined if a code is unknown. */
function decodeTools(codes: string, start: number, end: number, toolIds: readonly string[]): string[] | undefined {
  const ids = new Array<string>(end - start);
  for (let index = start; index < end; index++) {
    const id = toolIds[codes.charCodeAt(index) - 32];
    if (id === undefined) return undefined;
    ids[index - start] = id;
  }
  return ids;
}

function unknownToolCode(): never {
  throw new Error('The candidate list holds a tool code that tool_codes does not know');
}

function rowToListItem(row: CandidateListRow, toolIds: readonly string[]): CandidateListItem {
  const codes = row[10];
  const split = codes.indexOf(' ');
  return {
    id: row[0],
    name: row[1],
    email: row[2],
    location: row[3],
    currentTitle: row[4],
    employers: parseStringArray(row[5]),
    status: row[6],
    fileCount: row[9],
    importedAt: row[7],
    updatedAt: row[8],
    subRole: row[11],
    evidenceLevel: row[12],
    evidenceScore: row[13],
    isPadded: row[14] === null ? null : row[14] === 1,
    paddingScore: row[15],
    seniority: row[16],
    yearsExperience: row[17],
    toolsShipped: (split === -1 ? undefined : decodeTools(codes, 0, split, toolIds)) ?? unknownToolCode(),
    toolsListed: (split === -1 ? undefined : decodeTools(codes, split + 1, codes.length, toolIds)) ?? unknownToolCode(),
  };
}

export function readListRow(db: Db, id: number, toolIds: readonly string[]): CandidateListItem | null {
  const row = cachedStatement(db, `SELECT ${listColumns} ${fromLatestAnalysis} WHERE c.id = ?`).raw(true).get(id) as CandidateListRow | undefined;
  return row ? rowToListItem(row, toolIds) : null;
}

/**
 * Reads one packed row part by part. Each read takes exactly one part, up to the next
 * separator; a part that is not what the field needs marks the row bad.
 */
class PackedRowReader {
  private text = '';
  private position = 0;
  bad = false;

  reset(text: string): void {
    this.text = text;
    this.position = 0;
    this.bad = false;
  }

  /** End of the current part; marks the row bad when there is no part left. */
  private partEnd(): number {
    if (this.position > this.text.length) {
      this.bad = true;
      return this.position;
    }
    const end = this.text.indexOf('\x1f', this.position);
    return end === -1 ? this.text.length : end;
  }

  /** True when every part has been read, no more and no fewer. */
  get done(): boolean {
    return !this.bad && this.position === this.text.length + 1;
  }

  string(): string {
    const end = this.partEnd();
    const value = this.text.slice(this.position, end);
    this.position = end + 1;
    return value;
  }

  /** A non-negative integer written in decimal (anything else marks the row bad, and it is read again from the columns). */
  integer(): number {
    const end = this.partEnd();
    let value = 0;
    if (end === this.position) this.bad = true;
    for (let index = this.position; index < end; index++) {
      const digit = this.text.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) {
        this.bad = true;
        break;
      }
      value = value * 10 + digit;
    }
    this.position = end + 1;
    return value;
  }

  /** Any number as SQLite writes it (REALs round-trip: 0.1 + 0.2 is written 0.30000000000000004). */
  number(): number {
    const value = Number(this.string());
    if (Number.isNaN(value)) this.bad = true;
    return value;
  }

  /** One of a few known values without making a new string for it; anything else as read. */
  oneOf<T extends string>(values: readonly T[]): T {
    const { text, position } = this;
    for (const value of values) {
      const end = position + value.length;
      if (text.startsWith(value, position) && (end === text.length || text.charCodeAt(end) === SEPARATOR)) {
        this.position = end + 1;
        return value;
      }
    }
    return this.string() as T;
  }

  /** A count, then that many strings. */
  strings(): string[] {
    const count = this.integer();
    if (this.bad || count > this.text.length - this.position + 1) {
      this.bad = true; // more strings than parts left
      return [];
    }
    const values = new Array<string>(count);
    for (let index = 0; index < count; index++) values[index] = this.string();
    return values;
  }

  /** The next part if it is the same text as `previous` (then no new string is made), else a new string. */
  sameOr(previous: string): string {
    const { text, position } = this;
    const end = position + previous.length;
    if (text.startsWith(previous, position) && (end === text.length || text.charCodeAt(end) === SEPARATOR)) {
      this.position = end + 1;
      return previous;
    }
    return this.string();
  }

  /** Reads the tool codes into shipped and listed (two fields, so no pair is made per row). */
  tools(toolIds: readonly string[]): void {
    const end = this.partEnd();
    const start = this.position;
    this.position = end + 1;
    const split = this.text.indexOf(' ', start);
    const shipped = split === -1 || split >= end ? undefined : decodeTools(this.text, start, split, toolIds);
    const listed = shipped === undefined ? undefined : decodeTools(this.text, split + 1, end, toolIds);
    if (shipped === undefined || listed === undefined) {
      this.bad = true;
      this.shipped = this.listed = [];
    } else {
      this.shipped = shipped;
      this.listed = listed;
    }
  }

  shipped: string[] = [];
  listed: string[] = [];
}

const reader = new PackedRowReader();

/** The id a packed row starts with. */
export function packedRowId(row: string): number {
  reader.reset(row);
  return reader.integer();
}

/**
 * A list item read from a packed row. A class rather than an object literal because of how V8
 * collects garbage: a literal's allocation site can be "pretenured" once a scavenge lands in the
 * middle of a 10,000-row list (every item made so far is alive then), after which new items are
 * made in the old generation while their strings and arrays are still made young. A dead old
 * item keeps its young strings and arrays alive through every scavenge until the next full
 * collection, so each scavenge copied several lists' worth (45-60 ms) and the list's p95 went
 * from ~23 to 46-69 ms whenever that happened (bench/README.md, "List"). V8 keeps no allocation
 * site for `new`, so an item and what it holds are always made, and die, together.
 * Structured clone and JSON see the same own properties, in this order, as a literal's.
 */
class PackedListItem implements CandidateListItem {
  id: number;
  name: string | null;
  email: string | null;
  location: string | null;
  currentTitle: string | null;
  employers: string[];
  status: CandidateStatus;
  fileCount: number;
  importedAt: string;
  updatedAt: string;
  subRole: SubRoleId | null;
  evidenceLevel: EvidenceLevel | null;
  evidenceScore: number | null;
  isPadded: boolean | null;
  paddingScore: number | null;
  seniority: Seniority | null;
  yearsExperience: number | null;
  toolsShipped: string[];
  toolsListed: string[];

  constructor(r: PackedRowReader, toolIds: readonly string[]) {
    this.id = r.integer();
    const nulls = r.integer();
    this.name = nulls & NULL_NAME ? null : r.string();
    this.email = nulls & NULL_EMAIL ? null : r.string();
    this.location = nulls & NULL_LOCATION ? null : r.string();
    this.currentTitle = nulls & NULL_TITLE ? null : r.string();
    this.status = r.oneOf(candidateStatuses);
    this.importedAt = r.string();
    this.updatedAt = r.sameOr(this.importedAt); // most candidates were not changed after their import
    this.fileCount = r.integer();
    r.tools(toolIds);
    this.toolsShipped = r.shipped;
    this.toolsListed = r.listed;
    const analysed = (nulls & NULL_ANALYSIS) === 0;
    this.subRole = analysed ? r.oneOf(subRoleIds) : null;
    this.evidenceLevel = analysed ? r.oneOf(evidenceLevels) : null;
    this.evidenceScore = analysed ? r.integer() : null;
    this.isPadded = analysed ? r.integer() === 1 : null;
    this.paddingScore = analysed ? r.integer() : null;
    this.seniority = analysed ? r.oneOf(seniorityLevels) : null;
    this.yearsExperience = nulls & NULL_YEARS ? null : r.number();
    this.employers = r.strings();
  }
}

/** The item of a packed row, or null when it does not read evenly (see readListRow). */
export function readPackedRow(row: string, toolIds: readonly string[]): CandidateListItem | null {
  reader.reset(row);
  const item = new PackedListItem(reader, toolIds);
  return reader.done ? item : null;
}
