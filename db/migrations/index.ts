import { sql as initial } from './0001-initial.ts';
import { sql as screening } from './0002-screening.ts';
import { sql as listPerformance } from './0003-list-performance.ts';
import { sql as toolCodes } from './0004-tool-codes.ts';
import { sql as listRow } from './0005-list-row.ts';
import { sql as importRunOwner } from './0006-import-run-owner.ts';
import { sql as plainList } from './0007-plain-list.ts';
import { sql as roles } from './0008-roles.ts';
import { sql as textLayout } from './0009-text-layout.ts';
import { sql as erasureAudit } from './0010-erasure-audit.ts';
import { sql as corrections } from './0011-corrections.ts';
import { sql as retention } from './0012-retention.ts';
import { sql as resumeReading } from './0013-resume-reading.ts';

export interface Migration {
  /** Equals the `PRAGMA user_version` the database has once this migration is applied. */
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited or reordered. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-initial', sql: initial },
  { version: 2, name: '0002-screening', sql: screening },
  { version: 3, name: '0003-list-performance', sql: listPerformance },
  { version: 4, name: '0004-tool-codes', sql: toolCodes },
  { version: 5, name: '0005-list-row', sql: listRow },
  { version: 6, name: '0006-import-run-owner', sql: importRunOwner },
  { version: 7, name: '0007-plain-list', sql: plainList },
  { version: 8, name: '0008-roles', sql: roles },
  { version: 9, name: '0009-text-layout', sql: textLayout },
  { version: 10, name: '0010-erasure-audit', sql: erasureAudit },
  { version: 11, name: '0011-corrections', sql: corrections },
  { version: 12, name: '0012-retention', sql: retention },
  { version: 13, name: '0013-resume-reading', sql: resumeReading },
];
