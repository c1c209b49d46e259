import type { Command } from '../command.ts';
import { UserFacingError } from '../../api/errors.ts';

// Replaced when its service lands.
export const screeningCommand: Command = {
  name: 'screening',
  summary: '(not available yet)',
  usage: 'shipped screening',
  help: [],
  options: {},
  async run() {
    throw new UserFacingError('"screening" is not available yet.');
  },
};
