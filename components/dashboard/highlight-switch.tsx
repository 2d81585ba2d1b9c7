import { useEffect, useState } from 'react';
import { sendMessage } from '@/data/messages';
import { toChineseMessage } from '@/data/db/errors';

/** The global switch for highlighting formulations on web pages (the background keeps it). */
export function HighlightSwitch() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    // Any host gives the global flag; an invalid one is on no list, so nothing else is read.
    sendMessage('getSiteState', 'x.invalid')
      .then((s) => setEnabled(s.globalEnabled))
      .catch((err) => setError(toChineseMessage(err)));
  }, []);

  async function toggle(on: boolean) {
    setError('');
    try {
      setEnabled((await sendMessage('setSiteEnabled', { host: '*', enabled: on })).globalEnabled);
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }

  return (
    <fieldset className="highlight">
      <legend>网页高亮</legend>
      <label className="check">
        <input type="checkbox" data-testid="global-highlight" checked={enabled ?? false} disabled={enabled === null} onChange={(e) => void toggle(e.target.checked)} />
        在新闻和政府网站上高亮提法（鼠标移上去可看卡片）
      </label>
      <p className="muted small">单个网站的开关在工具栏弹窗里。</p>
      {error ? <p className="error small">{error}</p> : null}
    </fieldset>
  );
}
