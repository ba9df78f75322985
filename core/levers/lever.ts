import { z } from 'zod';
import { localizedTextSchema, slugSchema, type LocalizedText } from '../text';
import { themeIdSchema, type ThemeId } from '../instruments/themes';

export { themeIdSchema, type ThemeId };

/** The four SHRM topics the handreiking groups its policy levers under (Figuur 7). */
export const leverClusterSchema = z.enum([
  'werving-selectie',
  'loopbaanbeleid',
  'opleiding-begeleiding',
  'samenwerken',
]);
export type LeverCluster = z.infer<typeof leverClusterSchema>;
export const LEVER_CLUSTERS: readonly LeverCluster[] = leverClusterSchema.options;

export const LEVER_CLUSTER_NAMES: Readonly<Record<LeverCluster, LocalizedText>> = Object.freeze({
  'werving-selectie': { nl: 'Werving en selectie', en: 'Recruitment and selection' },
  loopbaanbeleid: { nl: 'Loopbaanbeleid', en: 'Career policy' },
  'opleiding-begeleiding': { nl: 'Opleiding en begeleiding', en: 'Training and guidance' },
  samenwerken: { nl: 'Samenwerken', en: 'Working together' },
});

/** The three conditions for professional behaviour in the AMO model. */
export const amoFactorSchema = z.enum(['ability', 'motivation', 'opportunity']);
export type AmoFactor = z.infer<typeof amoFactorSchema>;
export const AMO_FACTORS: readonly AmoFactor[] = amoFactorSchema.options;

/** Dutch schools know the model by its verbs, so those lead in Dutch. */
export const AMO_FACTOR_NAMES: Readonly<Record<AmoFactor, LocalizedText>> = Object.freeze({
  ability: { nl: 'Kunnen', en: 'Ability' },
  motivation: { nl: 'Willen', en: 'Motivation' },
  opportunity: { nl: 'Mogen', en: 'Opportunity' },
});

/** A few words saying what each factor is about, for messages like "Willen (motivatie)". */
export const AMO_FACTOR_GLOSSES: Readonly<Record<AmoFactor, LocalizedText>> = Object.freeze({
  ability: { nl: 'bekwaamheid', en: 'skills and knowledge' },
  motivation: { nl: 'motivatie', en: 'drive and commitment' },
  opportunity: { nl: 'ruimte en middelen', en: 'room and resources' },
});

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z.array(item).refine((list) => new Set(list).size === list.length, { message: `list each ${what} once` });
}

// Shared by the stored lever, POST and PATCH, so the three cannot drift apart.
const editableFields = {
  title: localizedTextSchema,
  description: localizedTextSchema,
  cluster: leverClusterSchema,
  themes: uniqueList(themeIdSchema, 'theme').min(1, { message: 'a lever serves at least one theme' }),
  amo: uniqueList(amoFactorSchema, 'AMO factor').min(1, { message: 'a lever works on at least one AMO factor' }),
  /**
   * Ids of survey sections or statements whose gap this lever helps to close; suggestions use them
   * to link results to levers. Optional because a school's own lever may not map onto a survey.
   */
  keywords: uniqueList(slugSchema, 'keyword').max(50).optional(),
};

/** A policy lever (aanknopingspunt): built in (organisationId null) or a school's own. */
export const leverSchema = z.object({
  id: slugSchema,
  ...editableFields,
  builtIn: z.boolean(),
  organisationId: z.string().nullable(),
  /** Retired levers stay stored so earlier scores keep their meaning, but are no longer offered. */
  retired: z.boolean(),
});
export type Lever = z.infer<typeof leverSchema>;

/** What a client sends to add a school's own lever (POST); the server assigns id and ownership. */
export const leverInputSchema = z.object(editableFields).strict();
export type LeverInput = z.infer<typeof leverInputSchema>;

/** What a client sends to change a lever (PATCH): any editable field, or retiring/reviving it. */
export const leverUpdateSchema = z
  .object({ ...editableFields, retired: z.boolean() })
  .partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, { message: 'send at least one field to change' });
export type LeverUpdate = z.infer<typeof leverUpdateSchema>;
