import { describe, expect, it } from 'vitest';
import { leadingWordPrefixes, multiPatternScan } from '../../main/analysis/scan.ts';
import { allMatches } from '../../main/analysis/lines.ts';
import { defaultAnalyzer } from '../../main/analysis/index.ts';
import { ruleRegex } from '../../main/analysis/taxonomy.ts';
import { HELDOUT_DIR, loadFixtures } from './fixtures.ts';

describe('leadingWordPrefixes', () => {
  it.each([
    ['\\bfeature (?:store|platform)\\b|\\bFeast\\b', ['feature', 'feast']],
    ['\\b(?:ML|model) pipelines?\\b', ['ml', 'model']],
    ['\\bre-?train\\w*|\\bcontinuous training\\b', ['re', 'continuous']],
    ['\\bmodels?\\b', ['model']],
    ['\\bp(?:50|99)\\b', ['p50', 'p99']],
    ['\\bgreat_expectations\\b', ['great_expectations']],
    ['(?<!\\b(?:a|the)\\s)(?<!\\d\\s)\\b(?:trained|built)\\s+models?', ['trained', 'built']],
    ['\\bx+y', ['x']],
    ['\\b(?:x|)y', ['xy', 'y']],
  ])('%s starts with %j', (source, expected) => {
    expect(leadingWordPrefixes(source)).toEqual(expected);
  });

  it.each([
    ['\\b\\d+\\s+teams\\b'],
    ['(?:sav|cut)\\w*\\s+costs?'],
    ['\\b(?:data|model)?\\s*drift\\b'],
    ['\\bfoo|bar'],
    ['\\b(?:x|\\d)y'],
    ['\\b[Kk]ubernetes'],
  ])('%s has no fixed word beginning', (source) => {
    expect(leadingWordPrefixes(source)).toBeNull();
  });
});

describe('multiPatternScan', () => {
  const { rules } = defaultAnalyzer.policy;
  const sources = [
    ...Object.values(rules.subRoles).flatMap((role) => role.cues.map((cue) => cue.pattern)),
    ...rules.signals.map((signal) => signal.pattern),
    ...rules.padding.genericClaims.map((claim) => claim.pattern),
    rules.courseLinePattern,
    rules.notInProductionPattern,
    '\\b(?:re)?deploy\\w*|\\bKFP\\b|\\bself[- ]serv\\w*',
  ];
  const texts = [...loadFixtures(), ...loadFixtures(HELDOUT_DIR)].flatMap((fixture) => [fixture.text, fixture.text.toUpperCase(), fixture.text.toLowerCase()]);
  texts.push('Redeployed_models, self-service KFP (kfp) and RE-TRAINING; ml_platform 12 teams');

  it('finds the match starts a global scan of each pattern finds', () => {
    for (const flags of ['im', 'i']) {
      const scan = multiPatternScan(sources, flags);
      for (const text of texts) {
        const expected = sources.map((source) => allMatches(ruleRegex(source, `${flags}g`), text).map((match) => match.index));
        expect(scan(text)).toEqual(expected);
      }
    }
  });
});
