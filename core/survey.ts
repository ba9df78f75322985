import { z } from 'zod';
import { localizedTextSchema, slugSchema } from './text';

/** A Likert scale; every statement of a survey is rated twice on it (current and desired). */
export const scaleSchema = z
  .object({
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(11),
    /** One label per point, from min to max. */
    labels: z.array(localizedTextSchema).optional(),
  })
  .refine((s) => s.max > s.min, { message: 'scale max must be above min' })
  .refine((s) => !s.labels || s.labels.length === s.max - s.min + 1, {
    message: 'a scale needs exactly one label per point',
  });
export type Scale = z.infer<typeof scaleSchema>;

export const statementSchema = z.object({
  id: slugSchema,
  text: localizedTextSchema,
});
export type Statement = z.infer<typeof statementSchema>;

/** A block of statements, e.g. Tabel 3 "internal situation" or Tabel 4 "verdieping". */
export const sectionSchema = z.object({
  id: slugSchema,
  title: localizedTextSchema,
  /** Optional intro shown above the block in the form. */
  intro: localizedTextSchema.optional(),
  statements: z.array(statementSchema).min(1).max(200),
});
export type Section = z.infer<typeof sectionSchema>;

/** A respondent group (geledingen): directie, teamleiders, leraren, OOP, P&O ... */
export const groupSchema = z.object({
  id: slugSchema,
  name: localizedTextSchema,
});
export type Group = z.infer<typeof groupSchema>;

const surveyFields = {
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  scale: scaleSchema.default({ min: 1, max: 5 }),
  sections: z.array(sectionSchema).min(1).max(50),
  /** The groups this survey is meant for; a round picks from these. */
  groups: z.array(groupSchema).min(1).max(30),
};

function uniqueIds(survey: { sections: Section[]; groups: Group[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const section of survey.sections) {
    if (seen.has(`section:${section.id}`)) {
      ctx.addIssue({ code: 'custom', message: `section id "${section.id}" is used twice`, path: ['sections'] });
    }
    seen.add(`section:${section.id}`);
    for (const statement of section.statements) {
      if (seen.has(`statement:${statement.id}`)) {
        ctx.addIssue({ code: 'custom', message: `statement id "${statement.id}" is used twice`, path: ['sections'] });
      }
      seen.add(`statement:${statement.id}`);
    }
  }
  for (const group of survey.groups) {
    if (seen.has(`group:${group.id}`)) {
      ctx.addIssue({ code: 'custom', message: `group id "${group.id}" is used twice`, path: ['groups'] });
    }
    seen.add(`group:${group.id}`);
  }
}

/** What a client sends to create a survey (POST /api/surveys). */
export const surveyInputSchema = z.object(surveyFields).strict().superRefine(uniqueIds);
export type SurveyInput = z.infer<typeof surveyInputSchema>;

/** A stored survey. Built-in instruments have no organisation (shared by all). */
export const surveySchema = z
  .object({
    ...surveyFields,
    id: z.string().min(1).max(64),
    organisationId: z.string().nullable(),
    builtIn: z.boolean(),
    createdAt: z.string(),
  })
  .superRefine(uniqueIds);
export type Survey = z.infer<typeof surveySchema>;

/** All statements of a survey in form order, each with its section id. */
export function listStatements(survey: Pick<Survey, 'sections'>): Array<Statement & { sectionId: string }> {
  return survey.sections.flatMap((section) =>
    section.statements.map((statement) => ({ ...statement, sectionId: section.id })),
  );
}
