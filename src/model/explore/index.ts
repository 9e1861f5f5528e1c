/**
 * Scenario exploration (pure, shared by Node and the browser): sweeps over
 * any numeric scenario parameter, the mine-count / volume frontier,
 * sensitivity of the binding constraints, and the yearly path to 2025.
 */
export * from './sweep';
export * from './frontier';
export * from './sensitivity';
export * from './path';
export { textTable, num, sig } from './format';
