// Moved to src/model/read/cdkEndpoints.ts; this re-export serves the rules not yet judging records (SML203, SML204, SML205, SML301, SML307).
export * from '../../model/read/cdkEndpoints';
