// Errors the store raises, each with a Chinese message fit to show a user as it stands.
export type StoreErrorCode = 'quota' | 'not-found' | 'invalid' | 'db';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: StoreErrorCode = 'db',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** A backup file that cannot be imported; nothing was changed when this is thrown. */
export class BackupError extends StoreError {
  constructor(message: string, code: StoreErrorCode = 'invalid', options?: { cause?: unknown }) {
    super(message, code, options);
    this.name = 'BackupError';
  }
}

export const QUOTA_MESSAGE = '存储空间已满：请在浏览器设置中清理空间，或先导出备份再删除旧数据。';

/** Dexie wraps the browser's error (AbortError with `inner`), so look through the chain. */
export function isQuotaError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    const x = e as { name?: string; inner?: unknown; cause?: unknown };
    if (x.name === 'QuotaExceededError') return true;
    e = x.inner ?? x.cause;
  }
  return false;
}

/** Re-throws a quota failure as a StoreError the UI can show; other errors pass through. */
export function rethrowQuota(err: unknown, Kind: typeof StoreError = StoreError): never {
  if (isQuotaError(err)) throw new Kind(QUOTA_MESSAGE, 'quota', { cause: err });
  throw err;
}

/** One sentence in Chinese for any error that reaches the UI. */
export function toChineseMessage(err: unknown): string {
  if (err instanceof StoreError) return err.message;
  if (isQuotaError(err)) return QUOTA_MESSAGE;
  const name = (err as { name?: string } | null)?.name;
  if (name === 'VersionError') return '数据库来自更新版本的提法，请先升级扩展。';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return '数据库已关闭，请重新打开此页面。';
  const detail = err instanceof Error ? err.message : String(err);
  // A library's own message (Dexie's, the browser's) is in English: the user gets a Chinese sentence.
  if (!/[\u4e00-\u9fff]/.test(detail)) return '出了点问题，没有保存任何更改。请重新打开此页面再试。';
  return `出了点问题：${detail}`;
}
