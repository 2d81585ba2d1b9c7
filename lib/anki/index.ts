// Anki export: Tifa's cards → rows (toAnkiRows, pure) → SQLite collection (writeCollection) → .apkg (packageApkg).
export { toAnkiRows, guidOf, stableId, DEFAULT_DECK_NAME, type AnkiExportInput, type AnkiRows, type ExportCard, type ExportLog } from './map';
export { writeCollection, packageApkg, type WriteProgress } from './write';
export { COLLECTION_FILE } from './schema';
