// Runs as the popup starts, before its main script has loaded: opens a connection to the database
// and closes it at once. The browser then holds the database open, and Dexie's own open — which
// cannot begin before the main script has run — finds it ready (`npm run bench -- popup`). A fresh
// profile has no database yet: the upgrade is aborted so that nothing is created here (Dexie
// creates it, with its schema, as on any first run). A plain file, not bundled: a bundled module
// would run only after the main script's imports. The name is data/db/name.ts's DB_NAME
// (tests/entrypoints/open-early.test.ts holds them equal).
const request = indexedDB.open('tifa');
request.onupgradeneeded = () => request.transaction?.abort();
request.onsuccess = () => request.result.close();
request.onerror = (event) => event.preventDefault();
