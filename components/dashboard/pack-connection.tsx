// The WebDAV folder of a 学习资料包: address, user name, app password — and the host permission,
// asked for in the click itself for that one origin (as personal sync does).
import { useState, type ReactNode } from 'react';
import { toChineseMessage } from '@/data/db/errors';
import { DavClient } from '@/lib/sync/webdav';
import type { PackConnection } from '@/lib/pack/store';

export const emptyConnection = (): PackConnection => ({ url: '', user: '', password: '' });

/** The Chinese sentence of a failure (the WebDAV client's own, or toChineseMessage's). */
export const chinese = (err: unknown) => {
  const text = err instanceof Error ? err.message : '';
  return /[\u4e00-\u9fff]/.test(text) ? text : toChineseMessage(err);
};

/**
 * A message line and a busy flag around one folder action at a time: `run` clears the message, shows the
 * action's answer (or its failure in Chinese) and keeps the buttons disabled until it settles.
 */
export function useFolderAction() {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  function run(work: () => Promise<string>) {
    setBusy(true);
    setMessage('');
    work()
      .then(setMessage, (err) => setMessage(chinese(err)))
      .finally(() => setBusy(false));
  }
  return { message, setMessage, busy, run };
}

/**
 * The client for the folder, once the browser allows its origin. Call it in the click handler: the
 * permission request needs the user's gesture, so it is made before anything is awaited.
 */
export function connectFolder(conn: PackConnection): Promise<DavClient> {
  let dav: DavClient;
  try {
    if (!/^https?:\/\//i.test(conn.url.trim())) throw new Error('地址无效');
    dav = new DavClient(conn);
  } catch {
    return Promise.reject(new Error('文件夹地址无效：请填写完整的地址，例如 https://dav.jianguoyun.com/dav/学习会/'));
  }
  const asked = browser.permissions.request({ origins: [`${dav.origin}/*`] });
  return asked.then((granted) => {
    if (!granted) throw new Error('没有得到访问这个服务器的权限：请再点一次，在浏览器的提示中选择“允许”。');
    return dav;
  });
}

interface Props {
  prefix: string;
  value: PackConnection;
  onChange(next: PackConnection): void;
  /** A member's folder may need no password (a public share). */
  optional?: boolean;
  /** The example address shown in the empty field. */
  example?: string;
}

/** Address, user name and app password of a WebDAV folder (a 学习资料包's, or personal sync's). */
export function ConnectionFields({ prefix, value, onChange, optional, example }: Props) {
  const fields = [
    ['url', '文件夹地址', example ?? 'https://dav.jianguoyun.com/dav/学习会/', 'url'],
    ['user', optional ? '用户名（文件夹需要时填写）' : '用户名', '', 'text'],
    ['password', optional ? '应用密码（文件夹需要时填写）' : '应用密码', '', 'password'],
  ] as const;
  return (
    <>
      {fields.map(([key, label, placeholder, type]) => (
        <div className="field" key={key}>
          <label htmlFor={`${prefix}-${key}`}>{label}</label>
          <input
            id={`${prefix}-${key}`}
            data-testid={`${prefix}-${key}`}
            type={type}
            placeholder={placeholder}
            autoComplete={key === 'password' ? 'new-password' : 'off'}
            value={value[key]}
            onChange={(e) => onChange({ ...value, [key]: e.target.value })}
          />
        </div>
      ))}
    </>
  );
}

interface FormProps extends Props {
  /** What connecting does, shown above the fields. */
  intro: ReactNode;
  busy: boolean;
  submit: { label: string; testid: string };
  onSubmit(): void;
}

/** The form that connects a WebDAV folder: a short explanation, the three fields and the submit button. */
export function ConnectForm({ intro, busy, submit, onSubmit, ...fields }: FormProps) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <p className="muted small">{intro}</p>
      <ConnectionFields {...fields} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid={submit.testid}>
          {busy ? '正在连接…' : submit.label}
        </button>
      </div>
    </form>
  );
}

/** The status line under a folder action: an answer starting with 已 is a success, anything else an error. */
export function FolderMessage({ message, testid }: { message: string; testid: string }) {
  return (
    <p role="status" className={message && !/^已/.test(message) ? 'field-error' : undefined} data-testid={testid}>
      {message}
    </p>
  );
}
