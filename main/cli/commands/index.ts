import type { Command } from '../command.ts';
import { importCommand } from './import.ts';
import { listCommand } from './list.ts';
import { showCommand } from './show.ts';
import { analyzeCommand } from './analyze.ts';
import { briefCommand } from './brief.ts';
import { screeningCommand } from './screening.ts';
import { evalCommand } from './eval.ts';
import { retentionCommand } from './retention.ts';

export const commands: readonly Command[] = [
  importCommand,
  listCommand,
  showCommand,
  analyzeCommand,
  screeningCommand,
  briefCommand,
  evalCommand,
  retentionCommand,
];
