import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  employerVariants,
  handlesFromLink,
  identifyingStrings,
  reduceLocation,
  type IdentityFacts,
} from '../../main/briefs/redact.ts';
import { briefFileName } from '../../main/briefs/output.ts';
import { janeAnalysis } from './fixtures.ts';

const facts: IdentityFacts = {
  candidateId: 7,
  contact: janeAnalysis.contact,
  otherNames: ['Jane Doe'],
  otherEmails: [null],
  otherPhones: [null],
  otherLocations: ['Austin, TX'],
  roles: janeAnalysis.roles,
  employers: ['Acme Robotics Inc.', 'Globex Corporation'],
  schools: ['University of Texas at Austin', 'Rice University'],
};
const redact = createRedactor(identifyingStrings(facts));

describe('blind redaction', () => {
  it('replaces the name, its parts and case variants with the candidate label', () => {
    expect(redact('Jane Q. Doe led the work')).toBe('Candidate 7 led the work');
    expect(redact('jane doe and DOE, Jane')).toBe('Candidate 7 and Candidate 7, Candidate 7');
    expect(redact('Jane Doe')).toBe('Candidate 7');
  });

  it('hides two-letter name parts but not initials or particles', () => {
    const short = createRedactor(identifyingStrings({ ...facts, contact: { ...facts.contact, name: 'Li Wu' }, otherNames: ['Ana de la Cruz'] }));
    expect(short('Wu said Li would join; de la Cruz agreed')).toBe('Candidate 7 said Candidate 7 would join; de la Candidate 7 agreed');
    expect(short('Q. Wu, Ana')).toBe('Q. Candidate 7, Candidate 7');
  });

  it('labels employers in order, with and without their legal suffix', () => {
    expect(redact('Moved from Globex Corporation to Acme Robotics Inc. (Acme Robotics)')).toBe(
      'Moved from Employer B to Employer A (Employer A)',
    );
  });

  it('labels schools and hides the city', () => {
    expect(redact('MS, University of Texas at Austin; BS, Rice University')).toBe('MS, School A; BS, School B');
    expect(redact('Relocated to Austin in 2020')).toBe('Relocated to [city] in 2020');
  });

  it('removes contact details, known or not', () => {
    expect(redact('jane.doe@example.com, +1 (512) 555-0142, github.com/janedoe-ml')).toBe('[email], [phone], [link]');
    expect(redact('call +44 20 7946 0958 or mail x.y@corp.co.uk, see https://janedoe.dev/about')).toBe(
      'call [phone] or mail [email], see [link]',
    );
    expect(redact('my handle is janedoe-ml and @jdoe_ml on X')).toBe('my handle is [handle] and [handle] on X');
  });

  it('keeps dates, numbers and ordinary words', () => {
    const line = 'Served 14 models (2019 - 2021), p99 under 80 ms, 2,000 requests per minute; 2019-2021 on-call';
    expect(redact(line)).toBe(line);
    expect(redact('Janet and Acmeville are different words')).toBe('Janet and Acmeville are different words');
  });

  it('reduces a location to its region or country', () => {
    expect(reduceLocation('Austin, TX')).toBe('TX');
    expect(reduceLocation('Lisbon, Portugal')).toBe('Portugal');
    expect(reduceLocation('Austin, TX, USA')).toBe('TX, USA');
    expect(reduceLocation('Berlin')).toBeNull();
    expect(reduceLocation('Remote')).toBe('Remote');
    expect(reduceLocation(null)).toBeNull();
  });

  it('finds handles in profile links and employer variants', () => {
    expect(handlesFromLink('linkedin.com/in/jane-doe-42')).toEqual(['jane-doe-42']);
    expect(handlesFromLink('https://github.com/janedoe-ml')).toEqual(['janedoe-ml']);
    expect(handlesFromLink('https://janedoe.dev')).toEqual(['janedoe']);
    expect(employerVariants('Acme Robotics Inc.')).toEqual(['Acme Robotics Inc.', 'Acme Robotics']);
    expect(employerVariants('Hooli')).toEqual(['Hooli']);
  });

  it('names files after the candidate, or neutrally in blind mode', () => {
    expect(briefFileName(7, 'Jane Q. Doe', false)).toBe('jane-q-doe-7.pdf');
    expect(briefFileName(7, 'Zoë Ångström', false)).toBe('zoe-angstrom-7.pdf');
    expect(briefFileName(7, 'Jane Q. Doe', true)).toBe('candidate-7.pdf');
    expect(briefFileName(8, null, false)).toBe('candidate-8.pdf');
    expect(briefFileName(9, '../../etc/passwd', false)).toBe('etc-passwd-9.pdf');
  });
});
