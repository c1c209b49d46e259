import type { Command } from '../command.ts';
import { UserFacingError } from '../../api/errors.ts';

// Replaced when its service lands.
export const briefCommand: Command = {
  name: 'brief',
  summary: '(not available yet)',
  usage: 'shipped brief',
  help: [],
  options: {},
  async run() {
    throw new UserFacingError('"brief" is not available yet.');
  },
};
