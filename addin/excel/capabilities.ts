/**
 * The lowest ExcelApi set Koers runs on, declared in manifest.xml's <Requirements> as well. Its
 * newest API in use is suspendScreenUpdatingUntilNextSync (1.9); conditional formats and
 * suspendApiCalculationUntilNextSync need 1.6, getRangeByIndexes, freezePanes and chart series
 * (add, setValues, setXAxisValues, chartType, markers) 1.7, the Kies sheet's data validation and
 * its chart's per-point label formulas 1.8.
 */
export const MIN_EXCEL_API = '1.9';

/** What the running Excel offers beyond the minimum, checked once and passed to every writer. */
export interface ExcelCapabilities {
  /** ExcelApi 1.6: no recalculation while values are written. */
  suspendCalculation: boolean;
  /** ExcelApi 1.9: no repainting while values are written. */
  suspendScreenUpdating: boolean;
}

export interface ExcelSupport extends ExcelCapabilities {
  /** The running Excel supports MIN_EXCEL_API. False outside Excel too. */
  meetsMinimum: boolean;
}

export function readExcelSupport(): ExcelSupport {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  const supports = (version: string): boolean => {
    try {
      return requirements?.isSetSupported('ExcelApi', version) === true;
    } catch {
      return false;
    }
  };
  return {
    meetsMinimum: supports(MIN_EXCEL_API),
    suspendCalculation: supports('1.6'),
    suspendScreenUpdating: supports('1.9'),
  };
}
