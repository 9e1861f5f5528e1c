/** Export: pure formatting of a solve for Excel, print and files (Node and browser). */
export { countyQuotasCsv, BOM } from './csv';
export { workbookXlsx } from './xlsx';
export { flattenScenario } from './scenario';
export { reportHtml } from './report';
export * from '../present/kpis';
