/** Saving a scenario: failures, two tabs at once, and the store errors of the Scenarios page. */
const zh = {
  'save.conflict': '有冲突，未保存',
  'save.reopen': '查看原因',
  'save.merged': '另一个标签页同时保存了“{{name}}”；它修改的字段（{{fields}}）已与您的修改合并并保存。',
  'save.solveFailedUnsaved': '求解失败：{{reason}}。求解器已重启。注意：您最近的修改尚未保存（保存失败），请下载方案文件或重试保存。',
  'save.solveSilentUnsaved': '求解器在 {{s}} 秒内没有响应，已重启。注意：您最近的修改尚未保存（保存失败），请下载方案文件或重试保存。',
  'save.failed.title': '修改未能保存',
  'save.failed.body':
    '浏览器拒绝存储方案“{{name}}”（{{reason}}）。您的修改目前只保留在本页面中，刷新或关闭页面将会丢失。请下载方案文件妥善保存，释放存储空间后重试。',
  'save.failed.download': '下载方案文件',
  'save.failed.retry': '重试保存',
  'save.failed.close': '继续编辑',
  'save.failed.retrying': '正在重试…',
  'save.conflict.title': '另一个标签页修改了此方案',
  'save.conflict.body':
    '您编辑时，另一个标签页保存了“{{name}}”。以下字段双方都修改过，请为每个字段选择要保留的值；结果将保存并在两个标签页中显示。只有一方修改过的字段已自动合并。',
  'save.conflict.field': '字段',
  'save.conflict.yours': '您的值',
  'save.conflict.theirs': '另一个标签页的值',
  'save.conflict.keepYours': '保留您的值（{{path}}）',
  'save.conflict.keepTheirs': '保留另一个标签页的值（{{path}}）',
  'save.conflict.cleared': '（已清除：采用规划默认值）',
  'save.conflict.save': '保存所选值',
  'save.importFailed': '未能导入 {{file}}：{{reason}}',
  'save.createFailed': '未能新建方案“{{name}}”：{{reason}}',
  'save.recoverFailed': '上次关闭页面前对“{{name}}”的修改未能存入数据库（{{reason}}）；修改仍保留在本浏览器中，下次打开时将再次尝试。',
};

const en = {
  'save.conflict': 'Conflict: not saved',
  'save.reopen': 'Show what went wrong',
  'save.merged': 'Another tab saved “{{name}}” at the same time; the fields it changed ({{fields}}) were merged with your edits and saved.',
  'save.solveFailedUnsaved':
    'Solve failed: {{reason}}. The solver was restarted. Your latest edits are NOT saved (the save failed): download the scenario file or try saving again.',
  'save.solveSilentUnsaved':
    'The solver did not answer within {{s}} s and was restarted. Your latest edits are NOT saved (the save failed): download the scenario file or try saving again.',
  'save.failed.title': 'Your edit could not be saved',
  'save.failed.body':
    'The browser refused to store the scenario “{{name}}” ({{reason}}). Your edit is kept in this page only: a reload or closing the tab would lose it. Download the scenario file to keep it, free some storage and try again.',
  'save.failed.download': 'Download the scenario file',
  'save.failed.retry': 'Try saving again',
  'save.failed.close': 'Keep editing',
  'save.failed.retrying': 'Trying again…',
  'save.conflict.title': 'Another tab changed this scenario',
  'save.conflict.body':
    'Another tab saved “{{name}}” while you were editing it. For each field you both changed, choose the value to keep; the result is saved and shown in both tabs. Fields only one of you changed are merged already.',
  'save.conflict.field': 'Field',
  'save.conflict.yours': 'Yours',
  'save.conflict.theirs': 'The other tab’s',
  'save.conflict.keepYours': 'Keep yours ({{path}})',
  'save.conflict.keepTheirs': 'Keep the other tab’s ({{path}})',
  'save.conflict.cleared': '(cleared: the plan’s default)',
  'save.conflict.save': 'Save these choices',
  'save.importFailed': 'Could not import {{file}}: {{reason}}',
  'save.createFailed': 'Could not create the scenario “{{name}}”: {{reason}}',
  'save.recoverFailed':
    'An edit of “{{name}}” made before the page last closed could not be stored ({{reason}}); it is still kept in this browser and will be tried again the next time the workbench opens.',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
