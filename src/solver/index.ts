/**
 * The solver adapter's public surface (browser-safe: no Node module, no wasm
 * load). Get a solver from `./node` (`createNodeSolver`) in Node or from
 * `./client` (`createWorkerSolver`) in the browser.
 */
export {
  createSolver,
  bindingConstraints,
  elasticModel,
  type Solver,
  type Solution,
  type SolveOptions,
  type ElasticRelaxation,
  type ElasticSlack,
  type InfeasibilityExplanation,
  type InfeasibilityFlags,
  type Explanation,
  type SolutionRows,
  toExplanation,
  toPlainExplanation,
} from './adapter';
export {
  toGlpkLp,
  glpkBounds,
  validateModel,
  assertValidModel,
  crossedBounds,
  indexNames,
  modelNames,
  ModelError,
  type GlpkConstants,
  type GlpkLp,
  type GlpkNames,
} from './glpk-format';
export { lpName, lpFileNames, type LpNames } from './lp-names';
export { mapStatus, SolverError, type RawStatus, type MappedStatus, type GlpkStatusCodes } from './status';
export { instantiateGlpk, muteGlpkOutput } from './quiet';
