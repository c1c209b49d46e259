import { describe, expect, it } from 'vitest';
import { LabelsFileError, parseLabels } from '../../main/eval/labels.ts';

describe('parseLabels', () => {
  it('reads one label per line, skipping blank lines and keeping only the keys present', () => {
    const labels = parseLabels('{"file": "a.pdf", "name": "Ada"}\n\n{"file": "b.txt", "subRole": "devops", "phone": null}\n', 'x.jsonl');
    expect(labels).toEqual([
      { file: 'a.pdf', name: 'Ada' },
      { file: 'b.txt', subRole: 'devops', phone: null },
    ]);
  });

  it('names the line that is not JSON', () => {
    expect(() => parseLabels('{"file": "a.pdf"}\n{"file": "b.pdf",\n', 'x.jsonl')).toThrow(/^x\.jsonl, line 2: not valid JSON/);
  });

  it('names the line and field of an unknown sub-role or evidence value', () => {
    expect(() => parseLabels('{"file": "a.pdf", "subRole": "mlops-wizard"}', 'x.jsonl')).toThrow(LabelsFileError);
    expect(() => parseLabels('{"file": "a.pdf", "subRole": "mlops-wizard"}', 'x.jsonl')).toThrow(/line 1: subRole: /);
    expect(() => parseLabels('{"file": "a.pdf"}\n{"file": "b.pdf", "evidence": "huge"}', 'x.jsonl')).toThrow(/line 2: evidence: /);
  });

  it('rejects a line without a file, a file labelled twice and an empty file', () => {
    expect(() => parseLabels('{"name": "Ada"}', 'x.jsonl')).toThrow(/line 1: file: /);
    expect(() => parseLabels('{"file": "a.pdf"}\n{"file": "a.pdf"}', 'x.jsonl')).toThrow('x.jsonl, line 2: "a.pdf" is already labelled on line 1');
    expect(() => parseLabels('\n\n', 'x.jsonl')).toThrow('x.jsonl: no labels in the file');
  });
});
