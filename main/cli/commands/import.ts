import type { Command } from '../command.ts';
import { UserFacingError } from '../../api/errors.ts';

// Replaced when its service lands.
export const importCommand: Command = {
  name: 'import',
  summary: '(not available yet)',
  usage: 'shipped import',
  help: [],
  options: {},
  async run() {
    throw new UserFacingError('"import" is not available yet.');
  },
};
