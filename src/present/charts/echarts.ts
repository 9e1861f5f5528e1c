/**
 * ECharts with only the parts the workbench draws, registered once. Used by
 * the Solid wrapper in the browser and by the printable report (server-side
 * SVG rendering), so both draw the same charts.
 */
import * as echarts from 'echarts/core';
import { BarChart, EffectScatterChart, MapChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  ScatterChart,
  EffectScatterChart,
  MapChart,
  SankeyChart,
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  LabelLayout,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption, EChartsType } from 'echarts/core';

/**
 * Renders an option to an SVG string without a DOM (Node or browser), for
 * print. Returns null when rendering fails so a report still prints its tables.
 */
export function renderSvg(option: echarts.EChartsCoreOption, width = 720, height = 360): string | null {
  let chart: echarts.EChartsType | undefined;
  try {
    chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } catch {
    return null;
  } finally {
    chart?.dispose();
  }
}
