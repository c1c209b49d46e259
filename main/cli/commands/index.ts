import type { Command } from '../command.ts';
import { importCommand } from './import.ts';
import { listCommand } from './list.ts';
import { showCommand } from './show.ts';
import { analyzeCommand } from './analyze.ts';
import { briefCommand } from './brief.ts';
import { screeningCommand } from './screening.ts';
import { evalCommand } from './eval.ts';
import { bandCommand } from './band.ts';
import { roleCommand } from './role.ts';
import { rankCommand } from './rank.ts';
import { marketCommand } from './market.ts';
import { deleteCommand } from './delete.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { auditCommand } from './audit.ts';
import { correctCommand } from './correct.ts';
import { retentionCommand } from './retention.ts';
import { reviewCommand } from './review.ts';

export const commands: readonly Command[] = [
  importCommand,
  listCommand,
  showCommand,
  reviewCommand,
  analyzeCommand,
  screeningCommand,
  briefCommand,
  evalCommand,
  bandCommand,
  roleCommand,
  rankCommand,
  marketCommand,
  deleteCommand,
  backupCommand,
  restoreCommand,
  auditCommand,
  correctCommand,
  retentionCommand,
];
