// Moved to src/model/edit/cdkEdits.ts; this re-export serves the rules not yet judging records (SML203, SML204, SML205, SML301, SML307).
export * from '../../model/edit/cdkEdits';
