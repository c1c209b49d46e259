import type { Command } from '../command.ts';
import { importCommand } from './import.ts';
import { listCommand } from './list.ts';
import { showCommand } from './show.ts';
import { analyzeCommand } from './analyze.ts';
import { briefCommand } from './brief.ts';
import { screeningCommand } from './screening.ts';
import { reviewCommand } from './review.ts';

export const commands: readonly Command[] = [
  importCommand,
  listCommand,
  showCommand,
  reviewCommand,
  analyzeCommand,
  screeningCommand,
  briefCommand,
];
