import type { RoundComparison } from '../../core/comparison';
import type { ExcelCapabilities } from './capabilities';
import type { CycleWriteOptions } from './cycleTables';
import { activateSheet, excelRun, type ExcelRunner } from './pullRound';
import { writeComparisonSheet, type ComparisonReport } from './writeComparisonSheet';
import { writeKnelpuntenSheet, type KnelpuntenReport } from './writeKnelpuntenSheet';
import { writePlanSheets, type PlanInput, type PlanReport } from './writePlanSheets';
import { writeStakeholderSheet, type StakeholderReport } from './writeStakeholderSheet';

type Context = Omit<CycleWriteOptions, 'capabilities'>;

/** The Doe / Ga door section's access to the workbook: one Excel.run per sheet write, then show it. */
export interface CycleWorkbook {
  writePlan(input: PlanInput, context: Context): Promise<PlanReport>;
  writeComparison(comparison: RoundComparison, context: Context): Promise<ComparisonReport>;
  writeKnelpunten(context: Context): Promise<KnelpuntenReport>;
  writeStakeholders(context: Context): Promise<StakeholderReport>;
}

export function cycleWorkbook(capabilities: ExcelCapabilities, run: ExcelRunner = excelRun): CycleWorkbook {
  const shown = async <R extends { sheetName: string }>(report: R): Promise<R> => {
    await run((context) => activateSheet(context, report.sheetName));
    return report;
  };
  return {
    writePlan: async (input, options) =>
      shown(await run((context) => writePlanSheets(context, input, { ...options, capabilities }))),
    writeComparison: async (comparison, options) =>
      shown(await run((context) => writeComparisonSheet(context, comparison, { ...options, capabilities }))),
    writeKnelpunten: async (options) =>
      shown(await run((context) => writeKnelpuntenSheet(context, { ...options, capabilities }))),
    writeStakeholders: async (options) =>
      shown(await run((context) => writeStakeholderSheet(context, { ...options, capabilities }))),
  };
}
