// The languages the knowledge base is written in. Kept here (not imported from the report layer)
// because src/kb sits below src/report.
export type KbLang = 'en' | 'ja';
export const KB_LANGS: readonly KbLang[] = ['en', 'ja'];
