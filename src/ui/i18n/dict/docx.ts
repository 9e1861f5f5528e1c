/** The Word report's button in the export panel (its body reads the export dictionary, as the printable report does). */
const zh = {
  'export.panel.docx': 'Word 报告（.docx）',
  'export.panel.docxName': '下载 Word 格式的方案报告（表格可编辑，含图表），可在 Word 或 WPS 中修改',
};

const en = {
  'export.panel.docx': 'Word report (.docx)',
  'export.panel.docxName': 'Download the report as a Word document (editable tables, with charts) to edit in Word or WPS',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
