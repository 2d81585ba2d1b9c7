/** The extension's database name, apart from the schema so a page can name it without loading Dexie. */
export const DB_NAME = 'tifa';
