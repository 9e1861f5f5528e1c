/**
 * Units as a planner reads them. The key after "unit." is the unit exactly as
 * the model data writes it (万m³, 万吨, 吨, 个, 万元, or an assumption's unit
 * text); src/domain/units.ts unitLabel() looks them up. English never shows
 * 万: a misread 万 is a 10,000× error, so it reads "10⁴ t". A unit text with
 * no key here (a planner's own model) is shown as written. units.csv.*: the CSV's
 * header block and total rows, which speak of units and rounding.
 */
const zh = {
  'unit.万m³': '万m³',
  'unit.万吨': '万吨',
  'unit.吨': '吨',
  'unit.个': '个',
  'unit.mines': '个',
  'unit.万元': '万元',
  'unit.年': '年',
  'unit.years': '年',
  'unit.persons': '人',
  'unit.ratio': '比值',
  'unit.mineral unit per year': '矿种计量单位/年',
  'unit.mineral unit per km² per year (万m³, 万吨, 吨)': '矿种计量单位/（km²·年）（万m³、万吨、吨）',
  'unit.万元 per mineral unit (万元/吨 for jade)': '万元/矿种计量单位（玉石为万元/吨）',
  "unit.1 = read the printed figure in the mineral's own unit": '1 = 按该矿种自身单位读取规划印刷数字',
  "unit.fraction of the county's 2020 output": '占该县（市）2020年产量的比例',
  'units.csv.ranAt': '运行时间',
  'units.csv.total': '全地区合计',
  'units.csv.rounding': '合计行按规划印刷精度取整：万m³、万吨保留一位小数，吨取整数（专栏20）；各县（市）行为求解结果原值。',
};

const en = {
  'unit.万m³': '10⁴ m³',
  'unit.万吨': '10⁴ t',
  'unit.吨': 't',
  'unit.个': 'mines',
  'unit.mines': 'mines',
  'unit.万元': '10⁴ yuan',
  'unit.年': 'yr',
  'unit.years': 'years',
  'unit.persons': 'persons',
  'unit.ratio': 'ratio',
  'unit.mineral unit per year': 'mineral unit per year',
  'unit.mineral unit per km² per year (万m³, 万吨, 吨)': 'mineral unit per km² per year (10⁴ m³, 10⁴ t, t)',
  'unit.万元 per mineral unit (万元/吨 for jade)': '10⁴ yuan per mineral unit (10⁴ yuan/t for jade)',
  "unit.1 = read the printed figure in the mineral's own unit": "1 = read the printed figure in the mineral's own unit",
  "unit.fraction of the county's 2020 output": "fraction of the county's 2020 output",
  'units.csv.ranAt': 'Run at',
  'units.csv.total': 'Prefecture total',
  'units.csv.rounding': 'Total rows are rounded as the plan prints its quotas: 10⁴ m³ and 10⁴ t to one decimal, t whole (专栏20); county rows are the solver’s figures.',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
