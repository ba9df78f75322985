import type { Round } from './round';
import type { Group, Survey } from './survey';
import type { LocalizedText } from './text';

/** A round's group name: the round's own name for it, else the survey's, else its id. */
export function roundGroupName(
  round: Pick<Round, 'groupNames'>,
  survey: Pick<Survey, 'groups'> | undefined,
  groupId: string,
): LocalizedText {
  const own = round.groupNames?.[groupId];
  if (own) return { ...own };
  const fromSurvey = survey?.groups.find((g) => g.id === groupId)?.name;
  return fromSurvey ? { ...fromSurvey } : { nl: groupId, en: groupId };
}

/** The round's groups in round order, with the names its respondents and its adviser see. */
export function roundGroups(
  round: Pick<Round, 'groups' | 'groupNames'>,
  survey: Pick<Survey, 'groups'> | undefined,
): Group[] {
  return round.groups.map((id) => ({ id, name: roundGroupName(round, survey, id) }));
}

/** A group id from a name the adviser typed: "Conciërges" → "concierges". */
export function groupIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'groep';
}
