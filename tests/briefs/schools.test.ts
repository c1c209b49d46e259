import { describe, expect, it } from 'vitest';
import { detectSchools, schoolsInLine } from '../../main/briefs/schools.ts';

describe('school detector', () => {
  it.each([
    ['M.S. Computer Science, University of Texas at Austin, 2018', ['University of Texas at Austin']],
    ['B.S. Mathematics, Rice University, 2016', ['Rice University']],
    ['PhD, Instituto Superior Técnico, 2012', ['Instituto Superior Técnico']],
    ['Massachusetts Institute of Technology — SM EECS (2015)', ['Massachusetts Institute of Technology']],
    ['BSc at Imperial College London | 2010 - 2013', ['Imperial College London']],
    ['Technische Hochschule Nürnberg', ['Technische Hochschule Nürnberg']],
    ['Ecole Polytechnique Fédérale de Lausanne (EPFL)', ['Ecole Polytechnique Fédérale de Lausanne']],
    ['MSc Data Science from the London School of Economics', ['London School of Economics']],
  ])('finds the school in %s', (line, expected) => {
    expect(schoolsInLine(line)).toEqual(expected);
  });

  it.each([
    'EDUCATION',
    'Built a school timetabling model in scikit-learn',
    'Ran the summer school on MLOps for new graduates',
    'Kubernetes, Terraform, Airflow',
  ])('finds no school in %s', (line) => {
    expect(schoolsInLine(line)).toEqual([]);
  });

  it('finds well-known short names only inside the education section', () => {
    const text = ['EXPERIENCE', 'Built MIT-licensed tooling at Acme', '', 'EDUCATION', 'Stanford, MS Computer Science, 2016', 'MIT, BS, 2014'].join('\n');
    const schools = detectSchools(text);
    expect(schools).toContain('Stanford');
    expect(schools).toContain('MIT');
    expect(detectSchools('EXPERIENCE\nBuilt MIT-licensed tooling at Acme')).toEqual([]);
  });

  it('returns each school once, longest first', () => {
    const text = 'EDUCATION\nRice University, BS\nUniversity of Texas at Austin, MS\nTA at Rice University';
    expect(detectSchools(text)).toEqual(['University of Texas at Austin', 'Rice University']);
  });
});
