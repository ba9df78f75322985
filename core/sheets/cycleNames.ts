/** Names of the tables and charts of the Doe, Ga door, Knelpunten and Stakeholders sheets (see names.ts). */
export const PLAN_TABLE = 'Koers.Plan';
export const INDICATORS_TABLE = 'Koers.Indicators';
export const STATEMENTS_TABLE = 'Koers.Statements';
export const COMPARISON_TABLE = 'Koers.Comparison';
export const COMPARISON_SECTIONS_TABLE = 'Koers.Comparison.Sections';
export const COMPARISON_TREND_TABLE = 'Koers.Comparison.Trend';
export const COMPARISON_INDICATORS_TABLE = 'Koers.Comparison.Indicators';
export const COMPARISON_CHART = 'Koers.ComparisonChart';
export const OBSTACLES_TABLE = 'Koers.Obstacles';
export const OBSTACLES_URGENT_TABLE = 'Koers.Obstacles.Urgent';
export const STAKEHOLDERS_TABLE = 'Koers.Stakeholders';
export const STAKEHOLDER_INFLUENCE_CHART = 'Koers.StakeholderInfluence';
export const STAKEHOLDER_TRUST_CHART = 'Koers.StakeholderTrust';
