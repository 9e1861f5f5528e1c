/**
 * The county boundary file the planner loaded this session, shared by the
 * county map and the printable report (so the report draws the same map).
 * Registered with ECharts under `mapName` before it is set here.
 */
import { createSignal } from 'solid-js';

export interface LoadedBoundary {
  file: string;
  mapName: string;
  regions: { name: string; county: string | null }[];
}

const [boundary, setBoundary] = createSignal<LoadedBoundary | null>(null);
export { boundary, setBoundary };
