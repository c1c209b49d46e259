// Who a resume belongs to: the same person's edited resume becomes a new version of
// the same candidate. Email is the strongest key, then the name, else the file itself.
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import type { CandidateProfile } from '../../db/queries/candidates.ts';

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents: "José" and "Jose" are the same person
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function identityKey(contact: ResumeAnalysis['contact'], sha256: string): string {
  const email = contact.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const name = contact.name ? normaliseName(contact.name) : '';
  if (name) return `name:${name}`;
  return `file:${sha256}`;
}

export function profileFrom(analysis: ResumeAnalysis): CandidateProfile {
  const employers = [...new Set(analysis.roles.map((role) => role.employer).filter((employer): employer is string => Boolean(employer)))];
  return {
    name: analysis.contact.name,
    email: analysis.contact.email,
    phone: analysis.contact.phone,
    location: analysis.contact.location,
    currentTitle: analysis.currentTitle,
    employers,
  };
}
