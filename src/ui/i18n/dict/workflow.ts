import type { FeatureDict } from '..';

/** Working across scenarios: the inputs that differ on Compare, solving every scenario, where Solve leads, asking before a frontier point becomes a scenario. */
const dict: FeatureDict = {
  zh: {
    'workflow.inputs.title': '输入参数差异',
    'workflow.inputs.caption': '各方案取值不同的输入参数（{{n}} 项）',
    'workflow.inputs.same': '各方案的输入参数相同。',
    'workflow.inputs.field': '参数',
    'workflow.inputs.default': '默认',
    'workflow.inputs.defaultValue': '{{value}}（默认）',
    'workflow.inputs.yes': '是',
    'workflow.inputs.no': '否',
    'workflow.inputs.none': '无',
    'workflow.inputs.excludedZones': '排除的集中开采区',
    'workflow.inputs.prefectureDemand': '全地区{{mineral}}需求',
    'workflow.inputs.mipGap': '允许的相对最优间隙',
    'workflow.compare.notComparable': '不可比较',
  },
  en: {
    'workflow.inputs.title': 'Inputs that differ',
    'workflow.inputs.caption': 'Inputs with different values in the scenarios ({{n}})',
    'workflow.inputs.same': 'The scenarios have the same inputs.',
    'workflow.inputs.field': 'Input',
    'workflow.inputs.default': 'default',
    'workflow.inputs.defaultValue': '{{value}} (default)',
    'workflow.inputs.yes': 'yes',
    'workflow.inputs.no': 'no',
    'workflow.inputs.none': 'none',
    'workflow.inputs.excludedZones': 'Closed concentrated zones',
    'workflow.inputs.prefectureDemand': 'Prefecture {{mineral}} demand',
    'workflow.inputs.mipGap': 'Relative optimality gap allowed',
    'workflow.compare.notComparable': 'not comparable',
  },
};

export default dict;
