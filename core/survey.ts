import { z } from 'zod';
import { dutchFirstTextSchema, localizedTextSchema, slugSchema } from './text';

/** A Likert scale; every statement of a survey is rated twice on it (current and desired). */
function scaleOf<T extends z.ZodType>(label: T) {
  return z
    .object({
      min: z.number().int().min(0).max(10),
      max: z.number().int().min(1).max(11),
      /** One label per point, from min to max. */
      labels: z.array(label).optional(),
    })
    .refine((s) => s.max > s.min, { message: 'scaleMaxAboveMin', path: ['max'] })
    .refine((s) => !s.labels || s.labels.length === s.max - s.min + 1, {
      message: 'scaleOneLabelPerPoint',
      path: ['labels'],
    });
}
export const scaleSchema = scaleOf(localizedTextSchema);
export type Scale = z.infer<typeof scaleSchema>;

/** Where a statement sits in the handreiking's tables (Tabel 3: internal/external; Tabel 4: the three blocks). */
export const tableBlockSchema = z.enum(['internal', 'external', 'mapping', 'deepening', 'broadening']);
export type TableBlockId = z.infer<typeof tableBlockSchema>;

/**
 * What an own statement is linked to, so lever suggestions work for it: lever ids it concerns,
 * and/or the id of a built-in statement it resembles (whose levers then count for it too).
 */
const statementLinkFields = {
  levers: z.array(slugSchema).max(30).optional(),
  resembles: slugSchema.optional(),
  block: tableBlockSchema.optional(),
};

export const statementSchema = z.object({
  id: slugSchema,
  text: localizedTextSchema,
  ...statementLinkFields,
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

/** The same fields as an author sends them: every text in Dutch, English optional (falls back to Dutch). */
const surveyInputFields = {
  title: dutchFirstTextSchema,
  description: dutchFirstTextSchema.optional(),
  scale: scaleOf(dutchFirstTextSchema).default({ min: 1, max: 5 }),
  sections: z
    .array(
      z
        .object({
          id: slugSchema,
          title: dutchFirstTextSchema,
          intro: dutchFirstTextSchema.optional(),
          statements: z
            .array(z.object({ id: slugSchema, text: dutchFirstTextSchema, ...statementLinkFields }).strict())
            .min(1)
            .max(200),
        })
        .strict(),
    )
    .min(1)
    .max(50),
  groups: z
    .array(z.object({ id: slugSchema, name: dutchFirstTextSchema }).strict())
    .min(1)
    .max(30),
};

function uniqueIds(survey: { sections: Section[]; groups: Group[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  survey.sections.forEach((section, s) => {
    if (seen.has(`section:${section.id}`)) {
      ctx.addIssue({ code: 'custom', message: 'duplicateId', params: { id: section.id }, path: ['sections', s, 'id'] });
    }
    seen.add(`section:${section.id}`);
    section.statements.forEach((statement, i) => {
      if (seen.has(`statement:${statement.id}`)) {
        ctx.addIssue({
          code: 'custom',
          message: 'duplicateId',
          params: { id: statement.id },
          path: ['sections', s, 'statements', i, 'id'],
        });
      }
      seen.add(`statement:${statement.id}`);
    });
  });
  survey.groups.forEach((group, g) => {
    if (seen.has(`group:${group.id}`)) {
      ctx.addIssue({ code: 'custom', message: 'duplicateId', params: { id: group.id }, path: ['groups', g, 'id'] });
    }
    seen.add(`group:${group.id}`);
  });
}

/** What a client sends to create a survey (POST /api/surveys). */
export const surveyInputSchema = z.object(surveyInputFields).strict().superRefine(uniqueIds);
export type SurveyInput = z.output<typeof surveyInputSchema>;

/** A stored survey. Built-in instruments have no organisation (shared by all). */
export const surveySchema = z
  .object({
    ...surveyFields,
    id: z.string().min(1).max(64),
    organisationId: z.string().nullable(),
    builtIn: z.boolean(),
    createdAt: z.string(),
    /** Own surveys: 1 for the first publication; an edit of a survey a round uses becomes version + 1. */
    version: z.number().int().min(1).optional(),
    /** Own surveys: the id of the first version, shared by all versions. */
    versionOf: z.string().optional(),
    updatedAt: z.string().optional(),
    /** Built-in SHRM variants: the theme their texts name. */
    theme: z.string().optional(),
  })
  .superRefine(uniqueIds);
export type Survey = z.infer<typeof surveySchema>;

/** All statements of a survey in form order, each with its section id. */
export function listStatements(survey: Pick<Survey, 'sections'>): Array<Statement & { sectionId: string }> {
  return survey.sections.flatMap((section) =>
    section.statements.map((statement) => ({ ...statement, sectionId: section.id })),
  );
}
