/** The editor's sections, in page order (also its table of contents). */
export const EDITOR_SECTIONS = ['general', 'caps', 'rights', 'scale', 'zones', 'counties', 'demand', 'objective', 'assumptions'] as const;
export type EditorSection = (typeof EDITOR_SECTIONS)[number];
