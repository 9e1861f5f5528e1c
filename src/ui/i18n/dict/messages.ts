/**
 * Messages that name a scenario field by its label rather than its JSON path
 * (issue 10 item 6): problem lists, the infeasibility explanation's link to
 * the field.
 */
const zh = {
  'messages.problem': '{{field}}：{{rule}}',
  'messages.sep': '：',
  'messages.field': '项',
  'messages.editField': '在编辑器中修改『{{field}}』',
};

const en = {
  'messages.problem': '{{field}}: {{rule}}',
  'messages.sep': ': ',
  'messages.field': 'Field',
  'messages.editField': 'Change ‘{{field}}’ in the editor',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
