import type { Command } from '../command.ts';
import { UserFacingError } from '../../api/errors.ts';

// Replaced when its service lands.
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: '(not available yet)',
  usage: 'shipped analyze',
  help: [],
  options: {},
  async run() {
    throw new UserFacingError('"analyze" is not available yet.');
  },
};
