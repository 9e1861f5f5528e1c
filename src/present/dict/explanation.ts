/** How the infeasibility explanation's sentences are joined (src/export/explanation.ts): a Chinese sentence ends in 。 and needs no space. */
const zh = { 'explanation.sentenceSep': '' };
const en = { 'explanation.sentenceSep': ' ' } satisfies Record<keyof typeof zh, string>;

export default { zh, en };
