import type { Group } from '../survey';

// Group ids end up in invitation codes, sheet columns and stored responses, so they never change.
export const directie: Group = { id: 'directie', name: { nl: 'Directie', en: 'School management' } };
export const teamleiders: Group = { id: 'teamleiders', name: { nl: 'Teamleiders', en: 'Team leaders' } };
export const leraren: Group = { id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } };
export const oop: Group = {
  id: 'oop',
  name: { nl: 'Onderwijsondersteunend personeel (OOP)', en: 'Education support staff' },
};
export const poHr: Group = { id: 'po-hr', name: { nl: 'P&O / HR', en: 'HR department' } };
export const mentoren: Group = { id: 'mentoren', name: { nl: 'Mentoren', en: 'Mentors (form tutors)' } };
export const zorgteam: Group = { id: 'zorgteam', name: { nl: 'Zorgteam', en: 'Student support team' } };

/** The geledingen that every HR self-evaluation asks. */
export function standardGroups(): Group[] {
  return [directie, teamleiders, leraren, oop, poHr].map(copyGroup);
}

/** The learning climate concerns everyone who works with students, so mentors and the support team join in. */
export function learningClimateGroups(): Group[] {
  return [...standardGroups(), copyGroup(mentoren), copyGroup(zorgteam)];
}

// Callers get their own objects, so editing a school's survey can never alter the shared defaults.
function copyGroup(group: Group): Group {
  return { id: group.id, name: { ...group.name } };
}
