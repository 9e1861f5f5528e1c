/** Export: pure formatting of a solve for Excel, print and files (Node and browser). */
export { countyQuotasCsv, BOM, COUNTY_COLUMNS } from './csv';
export { workbookXlsx, type WorkbookOptions } from './xlsx';
export { scenarioJson, flattenScenario, type ParamValue } from './scenario';
export { reportHtml, escapeHtml, type ReportOptions } from './report';
export { countyRows, zoneRows, minesByClass, type CountyRow, type ZoneRow } from './rows';
export * from './kpis';
export { safeFileName } from './names';
